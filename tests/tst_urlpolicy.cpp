#include "urlpolicy.h"

#include <QTest>

class TestUrlPolicy : public QObject
{
    Q_OBJECT
private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
};

void TestUrlPolicy::accepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised");
    QTest::addRow("http") << QStringLiteral("http://example.com") << QStringLiteral("http://example.com");
    QTest::addRow("https with path and query")
        << QStringLiteral("https://example.com/a/b?c=d#e") << QStringLiteral("https://example.com/a/b?c=d#e");
    QTest::addRow("upper-case scheme") << QStringLiteral("HTTPS://Example.COM/") << QStringLiteral("https://example.com/");
    QTest::addRow("port") << QStringLiteral("http://127.0.0.1:8080/x") << QStringLiteral("http://127.0.0.1:8080/x");
    QTest::addRow("ipv6") << QStringLiteral("http://[::1]:5000/") << QStringLiteral("http://[::1]:5000/");
    QTest::addRow("idn") << QStringLiteral("https://bücher.example/") << QStringLiteral("https://xn--bcher-kva.example/");
    QTest::addRow("at the length limit")
        << QStringLiteral("https://example.com/") + QString(UrlPolicy::kMaxUrlLength - 20, QLatin1Char('a'))
        << QStringLiteral("https://example.com/") + QString(UrlPolicy::kMaxUrlLength - 20, QLatin1Char('a'));
}

void TestUrlPolicy::accepts()
{
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    const UrlPolicy::Checked checked = UrlPolicy::check(input, QStringLiteral("url"));
    QVERIFY2(checked.isValid(), qPrintable(checked.error));
    QCOMPARE(checked.url.toString(QUrl::FullyEncoded), normalised);
}

void TestUrlPolicy::refuses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("empty") << QString() << QStringLiteral("must not be empty");
    QTest::addRow("relative") << QStringLiteral("/just/a/path") << QStringLiteral("absolute");
    QTest::addRow("no scheme") << QStringLiteral("example.com") << QStringLiteral("absolute");
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << QStringLiteral("'file:'");
    QTest::addRow("javascript") << QStringLiteral("javascript:alert(1)") << QStringLiteral("'javascript:'");
    QTest::addRow("data") << QStringLiteral("data:text/html,<b>hi</b>") << QStringLiteral("'data:'");
    QTest::addRow("ftp") << QStringLiteral("ftp://example.com/") << QStringLiteral("'ftp:'");
    QTest::addRow("view-source") << QStringLiteral("view-source:http://example.com") << QStringLiteral("'view-source:'");
    QTest::addRow("no host") << QStringLiteral("http:///path") << QStringLiteral("no host");
    QTest::addRow("credentials") << QStringLiteral("http://user:pw@example.com/") << QStringLiteral("user name or password");
    QTest::addRow("space") << QStringLiteral("http://example.com/a b") << QStringLiteral("whitespace");
    QTest::addRow("newline") << QStringLiteral("http://example.com/\nHost: evil") << QStringLiteral("whitespace");
    QTest::addRow("bad port") << QStringLiteral("http://example.com:99999/") << QStringLiteral("not a valid URL");
    QTest::addRow("over-long")
        << QStringLiteral("https://example.com/") + QString(UrlPolicy::kMaxUrlLength, QLatin1Char('a'))
        << QStringLiteral("at most 2048");
}

void TestUrlPolicy::refuses()
{
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    const UrlPolicy::Checked checked = UrlPolicy::check(input, QStringLiteral("webhook_url"));
    QVERIFY(!checked.isValid());
    QVERIFY2(checked.error.startsWith(QLatin1String("webhook_url ")), qPrintable(checked.error));
    QVERIFY2(checked.error.contains(messagePart), qPrintable(checked.error));
}

QTEST_APPLESS_MAIN(TestUrlPolicy)
#include "tst_urlpolicy.moc"
