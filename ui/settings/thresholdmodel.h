#pragma once

#include "insights/thresholds.h"

#include <QAbstractTableModel>

namespace ll::ui {

// The insight detectors' thresholds as an editable table: one row per threshold of
// insights::Thresholds::specs(), the Value column editable. Edits stay in the model until
// toThresholds() turns them into a validated insights::Thresholds (the same validation the
// JSON file goes through, so the GUI cannot store what `insights thresholds import` refuses).
class ThresholdModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Insight, Threshold, Value, Default, Range, Unit, Meaning, ColumnCount };

    explicit ThresholdModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The stored thresholds: every edit is dropped.
    void setStored(const insights::Thresholds &stored);
    // Every value back to its default (not saved until the caller saves).
    void resetToDefaults();
    bool isModified() const;     // differs from the stored thresholds
    int storedOverrides() const; // stored thresholds that are not at their default
    // The edited values, validated as a whole; an error names the threshold ("cost_spike.min_z: ...").
    Result<insights::Thresholds> toThresholds() const;

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    double storedValue(int row) const;
    QString keyOf(int row) const;

    insights::Thresholds m_stored;
    QList<double> m_values; // per row of specs()
};

} // namespace ll::ui
