#include "blocklist.h"

#include <QTemporaryDir>
#include <QTest>

class TestBlockList : public QObject
{
    Q_OBJECT
private slots:
    void blocksListedHostsAndTheirSubdomains_data();
    void blocksListedHostsAndTheirSubdomains();
    void userFilesExtendTheShippedList();
    void anUnreadableFileIsAnError();
};

void TestBlockList::blocksListedHostsAndTheirSubdomains_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("blocked");
    QTest::addRow("listed") << QStringLiteral("doubleclick.net") << true;
    QTest::addRow("subdomain") << QStringLiteral("stats.g.doubleclick.net") << true;
    QTest::addRow("upper case") << QStringLiteral("Ads.DoubleClick.NET") << true;
    QTest::addRow("trailing dot") << QStringLiteral("doubleclick.net.") << true;
    QTest::addRow("listed subdomain only") << QStringLiteral("connect.facebook.net") << true;
    QTest::addRow("its parent is not listed") << QStringLiteral("facebook.net") << false;
    QTest::addRow("lookalike suffix") << QStringLiteral("notdoubleclick.net") << false;
    QTest::addRow("listed name inside another") << QStringLiteral("doubleclick.net.example.com") << false;
    QTest::addRow("ordinary site") << QStringLiteral("example.com") << false;
    QTest::addRow("empty") << QString() << false;
}

void TestBlockList::blocksListedHostsAndTheirSubdomains()
{
    QFETCH(QString, host);
    QFETCH(bool, blocked);
    const BlockList list;
    QVERIFY(list.size() >= 40); // the shipped list was loaded
    QCOMPARE(list.blocks(host), blocked);
}

void TestBlockList::userFilesExtendTheShippedList()
{
    QTemporaryDir dir;
    QFile extra(dir.filePath(QStringLiteral("mine.txt")));
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("# my own\ntracker.example.org   # with a comment\n\n  Beacon.Example.NET \n");
    extra.close();
    QString error;
    const std::optional<BlockList> list = BlockList::load({ extra.fileName() }, &error);
    QVERIFY2(list, qPrintable(error));
    QVERIFY(list->blocks(QStringLiteral("cdn.tracker.example.org")));
    QVERIFY(list->blocks(QStringLiteral("beacon.example.net")));
    QVERIFY(list->blocks(QStringLiteral("doubleclick.net"))); // the shipped ones stay
    QVERIFY(!list->blocks(QStringLiteral("example.org")));
}

void TestBlockList::anUnreadableFileIsAnError()
{
    QString error;
    QVERIFY(!BlockList::load({ QStringLiteral("/nonexistent/list.txt") }, &error));
    QVERIFY(error.contains(QLatin1String("/nonexistent/list.txt")));
}

QTEST_APPLESS_MAIN(TestBlockList)
#include "tst_blocklist.moc"
