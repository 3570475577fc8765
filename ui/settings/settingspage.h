#pragma once

#include "common/page.h"

class QLabel;

namespace ll::ui {

// The store in use and its schema version. Connection profiles arrive with Direct Connection.
class SettingsPage : public Page {
    Q_OBJECT
public:
    explicit SettingsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;

private:
    QLabel *m_path;
    QLabel *m_schema;
};

} // namespace ll::ui
