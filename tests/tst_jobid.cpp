#include "jobid.h"

#include <QSet>
#include <QTest>

class TestJobId : public QObject
{
    Q_OBJECT
private slots:
    void generatedIdsAreWellFormedAndDistinct();
    void generatedIdsCarry128RandomBits();
    void isWellFormed_data();
    void isWellFormed();
};

void TestJobId::generatedIdsAreWellFormedAndDistinct()
{
    QSet<QString> seen;
    for (int i = 0; i < 20000; ++i) {
        const QString id = JobId::generate();
        QCOMPARE(id.size(), 22);
        QVERIFY2(JobId::isWellFormed(id), qPrintable(id));
        QVERIFY2(!seen.contains(id), "duplicate id");
        seen.insert(id);
    }
}

void TestJobId::generatedIdsCarry128RandomBits()
{
    // Every one of the 128 bits must vary across ids: a constant bit would mean fewer than
    // 128 random bits (e.g. a timestamp prefix or a truncated generator).
    QByteArray orBits(16, '\0');
    QByteArray andBits(16, '\xff');
    for (int i = 0; i < 2000; ++i) {
        const QByteArray raw = QByteArray::fromBase64(
            JobId::generate().toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(raw.size(), 16);
        for (int b = 0; b < 16; ++b) {
            orBits[b] = char(orBits[b] | raw[b]);
            andBits[b] = char(andBits[b] & raw[b]);
        }
    }
    QCOMPARE(orBits, QByteArray(16, '\xff'));
    QCOMPARE(andBits, QByteArray(16, '\0'));
}

void TestJobId::isWellFormed_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("expected");
    QTest::addRow("generated") << JobId::generate() << true;
    QTest::addRow("all A") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA") << true;
    QTest::addRow("url-safe chars") << QStringLiteral("abc-_xyz0123456789ABCw") << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("too short") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAA") << false;
    QTest::addRow("too long") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAA") << false;
    QTest::addRow("plus sign") << QStringLiteral("AAAAAAAAAAAAAAAAAAAA+A") << false;
    QTest::addRow("slash") << QStringLiteral("AAAAAAAAAAAAAAAAAAAA/A") << false;
    QTest::addRow("dot png") << QStringLiteral("AAAAAAAAAAAAAAAAAA.png") << false;
    QTest::addRow("impossible last char") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAB") << false;
    QTest::addRow("non-ascii") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAéA") << false;
}

void TestJobId::isWellFormed()
{
    QFETCH(QString, candidate);
    QFETCH(bool, expected);
    QCOMPARE(JobId::isWellFormed(candidate), expected);
}

QTEST_APPLESS_MAIN(TestJobId)
#include "tst_jobid.moc"
