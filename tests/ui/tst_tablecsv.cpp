// writeModelCsv: the CSV behind every "Export CSV…" — header from the model, rows in the
// proxy's (sorted, filtered) order, money as plain numbers from raw nano-units (negative stays a
// negative number), text escaped by CsvWriter so formulas cannot run.
#include "common/tablecsv.h"
#include "models/costtablemodel.h"
#include "models/lineitemmodel.h"
#include "models/modelroles.h"

#include <QBuffer>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
constexpr std::int64_t kUnit = 1'000'000'000;

QString write(const QAbstractItemModel &model, const QList<int> &columns = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status s = writeModelCsv(model, buffer, columns);
    if (!s)
        return QStringLiteral("ERROR ") + s.error().toString();
    return QString::fromUtf8(buffer.data());
}

reports::CostTable table()
{
    reports::CostTable t;
    t.by = {reports::Dimension::Team};
    t.hasContracts = true;
    reports::CostRow a;
    a.keys = {QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")")};
    a.costNanos = 1234'567'890'123; // 1234.567890123 -> 1234.57
    a.listCostNanos = 1300 * kUnit;
    a.contractCostNanos = 1100 * kUnit;
    a.quantityNanos = 1'500'000'000;
    reports::CostRow b;
    b.keys = {QStringLiteral("-2+3, \"quoted\"")};
    b.costNanos = -12'345'000'000; // a credit
    b.listCostNanos = -12'345'000'000;
    b.contractCostNanos = -12'000'000'000;
    b.quantityNanos = -2'000'000'000;
    reports::CostRow c;
    c.keys = {QStringLiteral("Zürich team")};
    c.costNanos = 5 * kUnit;
    c.listCostNanos = 5 * kUnit;
    c.contractCostNanos = 5 * kUnit;
    c.quantityNanos = 7 * kUnit;
    t.rows = {a, b, c};
    return t;
}
} // namespace

class TestTableCsv : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); } // display must not leak into CSV

    void costTableThroughProxy()
    {
        CostTableModel model;
        model.setTable(table());
        QSortFilterProxyModel proxy;
        proxy.setSortRole(SortRole);
        proxy.setSourceModel(&model);
        proxy.sort(model.valueColumn(CostTableModel::Cost), Qt::AscendingOrder);
        const QString csv = write(proxy);
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 5); // header, 3 rows, "" after the last CRLF
        QCOMPARE(lines.at(0), QStringLiteral("Team,Cost,List cost,Contract cost,Quantity (DBU),Unpriced (DBU)"));
        // Sorted by raw cost: the credit first; it stays a negative number, its text key is neutralised.
        QCOMPARE(lines.at(1), QStringLiteral("\"'-2+3, \"\"quoted\"\"\",-12.35,-12.35,-12.00,-2.000000,0.000000"));
        QCOMPARE(lines.at(2), QStringLiteral("Zürich team,5.00,5.00,5.00,7.000000,0.000000"));
        QCOMPARE(lines.at(3), QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1234.57,1300.00,1100.00,1.500000,0.000000"));
        QVERIFY(lines.at(4).isEmpty());
    }

    void filteredRowsAndChosenColumns()
    {
        CostTableModel model;
        model.setTable(table());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(0);
        proxy.setFilterFixedString(QStringLiteral("Zürich"));
        QCOMPARE(write(proxy, {model.valueColumn(CostTableModel::Cost), 0}), QStringLiteral("Cost,Team\r\n5.00,Zürich team\r\n"));
    }

    void lineItemsKeepNumbersNumeric()
    {
        LineItemModel model;
        reports::LineItemPage page;
        reports::LineItemRow priced;
        priced.recordId = QStringLiteral("r1");
        priced.recordType = QStringLiteral("RETRACTION");
        priced.usageStart = QDateTime(QDate(2026, 11, 3), QTime(4, 0), Qt::UTC);
        priced.quantity = QStringLiteral("-60.123456789012345678");
        priced.costNanos = -9 * kUnit;
        priced.listCostNanos = -9 * kUnit;
        priced.contractCostNanos = -8 * kUnit;
        priced.effectivePrice = QStringLiteral("0.150000000000000000");
        priced.batchId = 12;
        reports::LineItemRow unpriced = priced;
        unpriced.recordId = QStringLiteral("@r2");
        unpriced.recordType = QStringLiteral("ORIGINAL");
        unpriced.quantity = QStringLiteral("100");
        unpriced.costNanos.reset();
        unpriced.listCostNanos.reset();
        unpriced.contractCostNanos.reset();
        page.rows = {priced, unpriced};
        model.setPage(page);
        const QString csv = write(model, {LineItemModel::RecordId, LineItemModel::UsageStart, LineItemModel::Quantity, LineItemModel::Cost,
                                          LineItemModel::ContractCost, LineItemModel::EffectivePrice, LineItemModel::Batch});
        QCOMPARE(csv, QStringLiteral("Record id,Usage start,Quantity,Effective cost,Contract cost,Effective price,Batch\r\n"
                                     "r1,2026-11-03T04:00:00Z,-60.123456789,-9.00,-8.00,0.150000000000000000,12\r\n"
                                     "'@r2,2026-11-03T04:00:00Z,100,,,0.150000000000000000,12\r\n"));
    }

    // The GUI's table export goes through the core CsvWriter, so a formula behind leading
    // spaces (" =x", which spreadsheets run) is neutralised too.
    void formulaAfterLeadingSpacesIsNeutralised()
    {
        QStandardItemModel model(2, 1);
        model.setHorizontalHeaderLabels({QStringLiteral("Name")});
        model.setData(model.index(0, 0), QStringLiteral(" =HYPERLINK(1)"));
        model.setData(model.index(1, 0), QStringLiteral("  @SUM(A1)"));
        QCOMPARE(write(model), QStringLiteral("Name\r\n' =HYPERLINK(1)\r\n'  @SUM(A1)\r\n"));
    }

    void failingDeviceIsAnIoError()
    {
        CostTableModel model;
        model.setTable(table());
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        QBuffer *device = &readOnly;
        const Status s = writeModelCsv(model, *device);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Io);
    }
};

QTEST_MAIN(TestTableCsv)
#include "tst_tablecsv.moc"
