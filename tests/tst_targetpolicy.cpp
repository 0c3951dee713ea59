#include "targetpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Every spelling of a host Chromium accepts must be judged as the address Chromium would
// connect to. No test here resolves or contacts anything: TargetPolicy is pure logic.
class TestTargetPolicy : public QObject
{
    Q_OBJECT
private slots:
    void canonicalisesHosts_data();
    void canonicalisesHosts();
    void classifiesAddresses_data();
    void classifiesAddresses();
    void blocksHostileSpellingsWhenPrivateIsBlocked_data();
    void blocksHostileSpellingsWhenPrivateIsBlocked();
    void allowsPrivateButNeverMetadataByDefault_data();
    void allowsPrivateButNeverMetadataByDefault();
    void namesNeedResolution_data();
    void namesNeedResolution();
    void schemes_data();
    void schemes();
    void exemptOriginsAreExactOrigins_data();
    void exemptOriginsAreExactOrigins();
    void refusesBadExemptions_data();
    void refusesBadExemptions();
    void checkAddressHonoursExemptionsOfTheUrl();
    void followsTheListenAddress_data();
    void followsTheListenAddress();
    void travelsAsJson();
};

namespace {

TargetPolicy blocking()
{
    TargetPolicy policy;
    policy.setAllowPrivate(false);
    return policy;
}

QUrl tolerant(const QString &text)
{
    return QUrl(text, QUrl::TolerantMode);
}

} // namespace

void TestTargetPolicy::canonicalisesHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("canonical"); // empty: invalid
    QTest::addColumn<bool>("isAddress");

    QTest::addRow("dotted") << "127.0.0.1"
                            << "127.0.0.1" << true;
    QTest::addRow("decimal") << "2130706433"
                             << "127.0.0.1" << true;
    QTest::addRow("octal") << "0177.0.0.1"
                           << "127.0.0.1" << true;
    QTest::addRow("octal, all parts") << "0177.00.00.01"
                                      << "127.0.0.1" << true;
    QTest::addRow("hex short") << "0x7f.1"
                               << "127.0.0.1" << true;
    QTest::addRow("hex upper") << "0X7F.0X1"
                               << "127.0.0.1" << true;
    QTest::addRow("hex whole") << "0x7f000001"
                               << "127.0.0.1" << true;
    QTest::addRow("short 127.1") << "127.1"
                                 << "127.0.0.1" << true;
    QTest::addRow("short 10.1") << "10.1"
                                << "10.0.0.1" << true;
    QTest::addRow("three parts") << "192.168.257"
                                 << "192.168.1.1" << true;
    QTest::addRow("mixed") << "0x7f.0.01"
                           << "127.0.0.1" << true;
    QTest::addRow("mixed 2") << "0xa9.254.0251.0376"
                             << "169.254.169.254" << true;
    QTest::addRow("zero") << "0"
                          << "0.0.0.0" << true;
    QTest::addRow("0x alone") << "0x.0x.0x.0x"
                              << "0.0.0.0" << true;
    QTest::addRow("trailing dot") << "127.0.0.1."
                                  << "127.0.0.1" << true;
    QTest::addRow("decimal trailing dot") << "2130706433."
                                          << "127.0.0.1" << true;
    QTest::addRow("percent") << "%31%32%37.0.0.1"
                             << "127.0.0.1" << true;
    QTest::addRow("full width") << QString::fromUtf8("\xef\xbc\x91\xef\xbc\x92\xef\xbc\x97.0.0.1")
                                << "127.0.0.1" << true;
    QTest::addRow("ideographic dots") << QString::fromUtf8("127\xe3\x80\x82"
                                                           "0\xe3\x80\x82"
                                                           "0\xe3\x80\x82"
                                                           "1")
                                      << "127.0.0.1" << true;
    QTest::addRow("v6 loopback") << "::1"
                                 << "::1" << true;
    QTest::addRow("v6 bracketed") << "[::1]"
                                  << "::1" << true;
    QTest::addRow("v6 long loopback") << "0:0:0:0:0:0:0:1"
                                      << "::1" << true;
    QTest::addRow("v6 mapped dotted") << "::ffff:127.0.0.1"
                                      << "::ffff:127.0.0.1" << true;
    QTest::addRow("v6 mapped hex") << "::ffff:7f00:1"
                                   << "::ffff:127.0.0.1" << true;
    QTest::addRow("v6 upper") << "::FFFF:7F00:1"
                              << "::ffff:127.0.0.1" << true;
    QTest::addRow("name") << "Example.COM"
                          << "example.com" << false;
    QTest::addRow("name trailing dot") << "localhost."
                                       << "localhost" << false;
    QTest::addRow("name ending in letters") << "1.2.3.x"
                                            << "1.2.3.x" << false;
    QTest::addRow("name with 0x-like label") << "0xg.com"
                                             << "0xg.com" << false;
    QTest::addRow("idn") << QString::fromUtf8("b\xc3\xbc"
                                              "cher.de")
                         << "xn--bcher-kva.de" << false;
    QTest::addRow("five parts") << "1.2.3.4.5"
                                << "" << false;
    QTest::addRow("part too large") << "256.0.0.1"
                                    << "" << false;
    QTest::addRow("last too large") << "1.2.65536"
                                    << "" << false;
    QTest::addRow("too large") << "4294967296"
                               << "" << false;
    QTest::addRow("bad octal") << "09.1"
                               << "" << false;
    QTest::addRow("empty part") << "127..1"
                                << "" << false;
    QTest::addRow("two trailing dots: a name") << "127.0.0.1.."
                                               << "127.0.0.1." << false;
    QTest::addRow("bad v6") << "::ffff::1::2"
                            << "" << false;
}

void TestTargetPolicy::canonicalisesHosts()
{
    QFETCH(QString, host);
    QFETCH(QString, canonical);
    QFETCH(bool, isAddress);
    const TargetPolicy::Host parsed = TargetPolicy::parseHost(host);
    if (canonical.isEmpty()) {
        QCOMPARE(parsed.kind, TargetPolicy::Host::Kind::Invalid);
        return;
    }
    QCOMPARE(parsed.kind,
             isAddress ? TargetPolicy::Host::Kind::Address : TargetPolicy::Host::Kind::Name);
    QCOMPARE(parsed.text, canonical);
}

void TestTargetPolicy::classifiesAddresses_data()
{
    using C = TargetPolicy::AddressClass;
    QTest::addColumn<QString>("address");
    QTest::addColumn<C>("expected");

    QTest::addRow("127.0.0.1") << "127.0.0.1" << C::Loopback;
    QTest::addRow("127.255.255.254") << "127.255.255.254" << C::Loopback;
    QTest::addRow("::1") << "::1" << C::Loopback;
    QTest::addRow("10.0.0.1") << "10.0.0.1" << C::Private;
    QTest::addRow("172.16.0.1") << "172.16.0.1" << C::Private;
    QTest::addRow("172.31.255.255") << "172.31.255.255" << C::Private;
    QTest::addRow("172.32.0.1") << "172.32.0.1" << C::Public;
    QTest::addRow("192.168.1.1") << "192.168.1.1" << C::Private;
    QTest::addRow("fc00::1") << "fc00::1" << C::Private;
    QTest::addRow("fd12:3456::1") << "fd12:3456::1" << C::Private;
    QTest::addRow("fec0::1") << "fec0::1" << C::Private;
    QTest::addRow("169.254.1.1") << "169.254.1.1" << C::LinkLocal;
    QTest::addRow("fe80::1") << "fe80::1" << C::LinkLocal;
    QTest::addRow("fe80::1 with scope") << "fe80::1%lo" << C::LinkLocal;
    QTest::addRow("100.64.0.1") << "100.64.0.1" << C::SharedAddressSpace;
    QTest::addRow("100.127.255.255") << "100.127.255.255" << C::SharedAddressSpace;
    QTest::addRow("100.128.0.1") << "100.128.0.1" << C::Public;
    QTest::addRow("0.0.0.0") << "0.0.0.0" << C::Unspecified;
    QTest::addRow("0.1.2.3") << "0.1.2.3" << C::Unspecified;
    QTest::addRow("::") << "::" << C::Unspecified;
    QTest::addRow("aws metadata") << "169.254.169.254" << C::Metadata;
    QTest::addRow("ecs metadata") << "169.254.170.2" << C::Metadata;
    QTest::addRow("aws v6 metadata") << "fd00:ec2::254" << C::Metadata;
    QTest::addRow("gcp v6 metadata") << "fd20:ce::254" << C::Metadata;
    QTest::addRow("alibaba metadata") << "100.100.100.200" << C::Metadata;
    QTest::addRow("azure wire server") << "168.63.129.16" << C::Metadata;
    QTest::addRow("mapped metadata") << "::ffff:169.254.169.254" << C::Metadata;
    QTest::addRow("224.0.0.1") << "224.0.0.1" << C::Multicast;
    QTest::addRow("ff02::1") << "ff02::1" << C::Multicast;
    QTest::addRow("255.255.255.255") << "255.255.255.255" << C::Broadcast;
    QTest::addRow("240.0.0.1") << "240.0.0.1" << C::Reserved;
    QTest::addRow("192.0.2.1") << "192.0.2.1" << C::Reserved;
    QTest::addRow("198.18.0.1") << "198.18.0.1" << C::Reserved;
    QTest::addRow("2001:db8::1") << "2001:db8::1" << C::Reserved;
    QTest::addRow("mapped loopback") << "::ffff:127.0.0.1" << C::Loopback;
    QTest::addRow("mapped private") << "::ffff:10.0.0.1" << C::Private;
    QTest::addRow("mapped public") << "::ffff:8.8.8.8" << C::Public;
    QTest::addRow("compatible loopback") << "::127.0.0.1" << C::Loopback;
    QTest::addRow("siit loopback") << "::ffff:0:127.0.0.1" << C::Loopback;
    QTest::addRow("nat64 loopback") << "64:ff9b::127.0.0.1" << C::Loopback;
    QTest::addRow("nat64 public") << "64:ff9b::8.8.8.8" << C::Public;
    QTest::addRow("6to4 private") << "2002:0a00:0001::1" << C::Private;
    QTest::addRow("8.8.8.8") << "8.8.8.8" << C::Public;
    QTest::addRow("93.184.216.34") << "93.184.216.34" << C::Public;
    QTest::addRow("2606:4700::1111") << "2606:4700::1111" << C::Public;
}

void TestTargetPolicy::classifiesAddresses()
{
    QFETCH(QString, address);
    QFETCH(TargetPolicy::AddressClass, expected);
    const QHostAddress parsed(address);
    QVERIFY(!parsed.isNull());
    QCOMPARE(TargetPolicy::classify(parsed), expected);
}

void TestTargetPolicy::blocksHostileSpellingsWhenPrivateIsBlocked_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");

    const QString loopback
        = QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address");
    QTest::addRow("plain") << "http://127.0.0.1/" << loopback;
    QTest::addRow("port") << "http://127.0.0.1:5000/admin" << loopback;
    QTest::addRow("decimal") << "http://2130706433/" << loopback;
    QTest::addRow("octal") << "http://0177.0.0.1/" << loopback;
    QTest::addRow("hex short") << "http://0x7f.1/" << loopback;
    QTest::addRow("short") << "http://127.1/" << loopback;
    QTest::addRow("mixed") << "https://0x7f.0.0.01:8443/" << loopback;
    QTest::addRow("trailing dot") << "http://127.0.0.1./" << loopback;
    QTest::addRow("percent") << "http://%31%32%37.0.0.1/" << loopback;
    QTest::addRow("userinfo trick") << "http://allowed.com@127.0.0.1/" << loopback;
    QTest::addRow("userinfo with port trick") << "http://allowed.com:80@127.0.0.1/" << loopback;
    QTest::addRow("full width") << QString::fromUtf8(
        "http://\xef\xbc\x91\xef\xbc\x92\xef\xbc\x97.0.0.1/")
                                << loopback;
    QTest::addRow("websocket") << "ws://127.0.0.1:9000/socket" << loopback;
    QTest::addRow("secure websocket") << "wss://127.1/" << loopback;
    QTest::addRow("upper case scheme") << "HTTP://127.0.0.1/" << loopback;
    QTest::addRow("v6 loopback") << "http://[::1]/"
                                 << "blocked by target policy: ::1 is a loopback address";
    QTest::addRow("v6 mapped")
        << "http://[::ffff:127.0.0.1]/"
        << "blocked by target policy: ::ffff:127.0.0.1 is a loopback address";
    QTest::addRow("v6 mapped hex")
        << "http://[::ffff:7f00:1]/"
        << "blocked by target policy: ::ffff:127.0.0.1 is a loopback address";
    QTest::addRow("v6 long form")
        << "http://[0:0:0:0:0:ffff:7f00:0001]/"
        << "blocked by target policy: ::ffff:127.0.0.1 is a loopback address";
    QTest::addRow("localhost") << "http://localhost:5000/"
                               << "blocked by target policy: localhost is a loopback name";
    QTest::addRow("LOCALHOST.") << "http://LOCALHOST./"
                                << "blocked by target policy: localhost is a loopback name";
    QTest::addRow("sub.localhost") << "http://api.localhost/"
                                   << "blocked by target policy: api.localhost is a loopback name";
    QTest::addRow("zero") << "http://0/"
                          << "blocked by target policy: 0.0.0.0 is an unspecified address";
    QTest::addRow("unspecified v6") << "http://[::]/"
                                    << "blocked by target policy: :: is an unspecified address";
    QTest::addRow("private short") << "http://10.1/"
                                   << "blocked by target policy: 10.0.0.1 is a private address";
    QTest::addRow("private") << "http://192.168.0.1/"
                             << "blocked by target policy: 192.168.0.1 is a private address";
    QTest::addRow("ula") << "http://[fd00::1]/"
                         << "blocked by target policy: fd00::1 is a private address";
    QTest::addRow("link-local") << "http://169.254.1.2/"
                                << "blocked by target policy: 169.254.1.2 is a link-local address";
    QTest::addRow("link-local v6") << "http://[fe80::1]/"
                                   << "blocked by target policy: fe80::1 is a link-local address";
    QTest::addRow("cgnat")
        << "http://100.64.1.1/"
        << "blocked by target policy: 100.64.1.1 is a shared (carrier-grade NAT) address";
    QTest::addRow("metadata")
        << "http://169.254.169.254/latest/meta-data/"
        << "blocked by target policy: 169.254.169.254 is a cloud metadata address";
    QTest::addRow("metadata decimal")
        << "http://2852039166/"
        << "blocked by target policy: 169.254.169.254 is a cloud metadata address";
    QTest::addRow("metadata name")
        << "http://metadata.google.internal/computeMetadata/v1/"
        << "blocked by target policy: metadata.google.internal is a cloud metadata name";
    QTest::addRow("metadata name, trailing dot")
        << "http://Metadata.Google.Internal./"
        << "blocked by target policy: metadata.google.internal is a cloud metadata name";
    QTest::addRow("multicast") << "http://224.0.0.251/"
                               << "blocked by target policy: 224.0.0.251 is a multicast address";
    QTest::addRow("invalid") << "http://1.2.3.4.5/"
                             << "blocked by target policy: 1.2.3.4.5 is not a valid host";
}

void TestTargetPolicy::blocksHostileSpellingsWhenPrivateIsBlocked()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    const TargetPolicy::Verdict verdict = blocking().checkUrl(tolerant(url));
    QVERIFY2(verdict.isBlocked(), qPrintable(verdict.message));
    QCOMPARE(verdict.message, message);
    // The same as a subresource.
    QVERIFY(blocking().checkUrl(tolerant(url), TargetPolicy::Use::Subresource).isBlocked());
}

void TestTargetPolicy::allowsPrivateButNeverMetadataByDefault_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    QTest::addRow("loopback") << "http://127.0.0.1:8080/" << true;
    QTest::addRow("hex loopback") << "http://0x7f.1/" << true;
    QTest::addRow("localhost") << "http://localhost/" << true;
    QTest::addRow("private") << "http://10.0.0.1/" << true;
    QTest::addRow("v6 loopback") << "http://[::1]/" << true;
    QTest::addRow("public") << "https://93.184.216.34/" << true;
    QTest::addRow("public v6") << "https://[2606:4700::1111]/" << true;
    QTest::addRow("aws metadata") << "http://169.254.169.254/" << false;
    QTest::addRow("aws metadata, octal") << "http://0251.0376.0251.0376/" << false;
    QTest::addRow("aws metadata, mapped") << "http://[::ffff:a9fe:a9fe]/" << false;
    QTest::addRow("aws v6 metadata") << "http://[fd00:ec2::254]/" << false;
    QTest::addRow("alibaba metadata") << "http://100.100.100.200/" << false;
    QTest::addRow("gcp metadata name") << "http://metadata.google.internal/" << false;
    QTest::addRow("broadcast") << "http://255.255.255.255/" << false;
}

void TestTargetPolicy::allowsPrivateButNeverMetadataByDefault()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const TargetPolicy policy;
    QVERIFY(policy.allowPrivate());
    const TargetPolicy::Verdict verdict = policy.checkUrl(tolerant(url));
    QVERIFY2(verdict.isAllowed() == allowed, qPrintable(verdict.message));
    QVERIFY(!verdict.needsResolution());
}

void TestTargetPolicy::namesNeedResolution_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");

    QTest::addRow("plain") << "https://example.com/"
                           << "example.com";
    QTest::addRow("upper case, trailing dot") << "https://EXAMPLE.com./"
                                              << "example.com";
    QTest::addRow("rebinding service") << "http://127.0.0.1.nip.io/"
                                       << "127.0.0.1.nip.io";
    QTest::addRow("userinfo naming an address") << "http://127.0.0.1:80@example.com/"
                                                << "example.com";
    QTest::addRow("localhost lookalike") << "http://localhost.example.com/"
                                         << "localhost.example.com";
    QTest::addRow("idn") << QString::fromUtf8("http://b\xc3\xbc"
                                              "cher.de/")
                         << "xn--bcher-kva.de";
}

void TestTargetPolicy::namesNeedResolution()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    const TargetPolicy::Verdict verdict = blocking().checkUrl(tolerant(url));
    QVERIFY2(verdict.needsResolution(), qPrintable(verdict.message));
    QCOMPARE(verdict.host, host);
}

void TestTargetPolicy::schemes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("asPage");
    QTest::addColumn<bool>("asSubresource");

    QTest::addRow("http") << "http://93.184.216.34/" << true << true;
    QTest::addRow("https") << "https://93.184.216.34/" << true << true;
    QTest::addRow("ws") << "ws://93.184.216.34/" << true << true;
    QTest::addRow("wss") << "wss://93.184.216.34/" << true << true;
    QTest::addRow("file") << "file:///etc/passwd" << false << false;
    QTest::addRow("file with host") << "file://localhost/etc/passwd" << false << false;
    QTest::addRow("view-source") << "view-source:http://127.0.0.1/" << false << false;
    QTest::addRow("javascript") << "javascript:alert(1)" << false << false;
    QTest::addRow("ftp") << "ftp://93.184.216.34/" << false << false;
    QTest::addRow("chrome") << "chrome://settings" << false << false;
    QTest::addRow("qrc") << "qrc:/urlshot/capture/readiness.js" << false << false;
    QTest::addRow("filesystem") << "filesystem:http://93.184.216.34/temporary/x" << false << false;
    QTest::addRow("data") << "data:text/html,<b>hi</b>" << false << true;
    QTest::addRow("blob") << "blob:http://93.184.216.34/0b8e4a2c-0000-4000-8000-000000000000"
                          << false << true;
    QTest::addRow("about:blank") << "about:blank" << true << true;
    QTest::addRow("no host") << "http:///path" << false << false;
}

void TestTargetPolicy::schemes()
{
    QFETCH(QString, url);
    QFETCH(bool, asPage);
    QFETCH(bool, asSubresource);
    const TargetPolicy policy;
    const TargetPolicy::Verdict page
        = policy.checkUrl(tolerant(url), TargetPolicy::Use::Navigation);
    const TargetPolicy::Verdict subresource
        = policy.checkUrl(tolerant(url), TargetPolicy::Use::Subresource);
    QVERIFY2(page.isAllowed() == asPage, qPrintable(page.message));
    QVERIFY2(subresource.isAllowed() == asSubresource, qPrintable(subresource.message));
    if (!asPage)
        QVERIFY2(page.message.startsWith(QLatin1String("blocked by target policy: ")),
                 qPrintable(page.message));
    if (url.startsWith(QLatin1String("file:///")))
        QCOMPARE(page.message,
                 QStringLiteral("blocked by target policy: file: URLs are not allowed (only http, "
                                "https, ws and wss)"));
}

void TestTargetPolicy::exemptOriginsAreExactOrigins_data()
{
    QTest::addColumn<QString>("exemption");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");

    QTest::addRow("same origin") << "http://127.0.0.1:8080"
                                 << "http://127.0.0.1:8080/x?y" << true;
    QTest::addRow("another spelling of it") << "http://127.0.0.1:8080"
                                            << "http://0x7f.1:8080/" << true;
    QTest::addRow("exemption in another spelling") << "http://127.1:8080/"
                                                   << "http://127.0.0.1:8080/" << true;
    QTest::addRow("its websocket") << "http://127.0.0.1:8080"
                                   << "ws://127.0.0.1:8080/socket" << true;
    QTest::addRow("other port") << "http://127.0.0.1:8080"
                                << "http://127.0.0.1:8081/" << false;
    QTest::addRow("other scheme") << "http://127.0.0.1:8080"
                                  << "https://127.0.0.1:8080/" << false;
    QTest::addRow("other address") << "http://127.0.0.1:8080"
                                   << "http://127.0.0.2:8080/" << false;
    QTest::addRow("default port") << "http://127.0.0.1"
                                  << "http://127.0.0.1:80/" << true;
    QTest::addRow("default https port") << "https://[::1]"
                                        << "https://[::1]:443/" << true;
    QTest::addRow("mapped is another origin") << "http://127.0.0.1:8080"
                                              << "http://[::ffff:127.0.0.1]:8080/" << false;
    QTest::addRow("name") << "http://intranet.example:8080"
                          << "http://INTRANET.example.:8080/" << true;
    QTest::addRow("localhost") << "http://localhost:3000"
                               << "http://localhost:3000/" << true;
    QTest::addRow("localhost is not 127.0.0.1") << "http://localhost:3000"
                                                << "http://127.0.0.1:3000/" << false;
}

void TestTargetPolicy::exemptOriginsAreExactOrigins()
{
    QFETCH(QString, exemption);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    TargetPolicy policy = blocking();
    QString error;
    QVERIFY2(policy.addAllowedTarget(exemption, &error), qPrintable(error));
    const TargetPolicy::Verdict verdict = policy.checkUrl(tolerant(url));
    QVERIFY2(verdict.isAllowed() == allowed, qPrintable(verdict.message));
}

void TestTargetPolicy::refusesBadExemptions_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addRow("path") << "http://127.0.0.1:8080/admin";
    QTest::addRow("query") << "http://127.0.0.1:8080/?a=1";
    QTest::addRow("userinfo") << "http://user@127.0.0.1:8080";
    QTest::addRow("file") << "file:///tmp";
    QTest::addRow("no scheme") << "127.0.0.1:8080";
    QTest::addRow("invalid host") << "http://1.2.3.4.5";
    QTest::addRow("metadata") << "http://169.254.169.254";
    QTest::addRow("metadata spelled otherwise") << "http://0xa9fea9fe";
    QTest::addRow("metadata name") << "http://metadata.google.internal";
}

void TestTargetPolicy::refusesBadExemptions()
{
    QFETCH(QString, origin);
    TargetPolicy policy;
    QString error;
    QVERIFY(!policy.addAllowedTarget(origin, &error));
    QCOMPARE(error, TargetPolicy::allowedTargetProblem(origin));
    QVERIFY(!error.isEmpty());
    QVERIFY(policy.allowedTargets().isEmpty());
}

void TestTargetPolicy::checkAddressHonoursExemptionsOfTheUrl()
{
    TargetPolicy policy = blocking();
    QString error;
    QVERIFY(policy.addAllowedTarget(QStringLiteral("http://intranet.example:8080"), &error));
    const QHostAddress loopback(QStringLiteral("127.0.0.1"));
    // What the name resolves to is the operator's business for an exempt origin...
    QVERIFY(policy.checkAddress(loopback, QUrl(QStringLiteral("http://intranet.example:8080/")))
                .isAllowed());
    // ...but not for any other name that resolves there (DNS rebinding).
    const TargetPolicy::Verdict other
        = policy.checkAddress(loopback, QUrl(QStringLiteral("http://evil.example:8080/")));
    QVERIFY(other.isBlocked());
    QCOMPARE(other.message,
             QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
    QVERIFY(policy.checkAddress(loopback).isBlocked());
    QVERIFY(policy.checkAddress(QHostAddress(QStringLiteral("93.184.216.34"))).isAllowed());
    // Metadata stays blocked even for an exempt origin.
    const TargetPolicy::Verdict metadata
        = policy.checkAddress(QHostAddress(QStringLiteral("169.254.169.254")),
                              QUrl(QStringLiteral("http://intranet.example:8080/")));
    QVERIFY(metadata.isBlocked());
    QCOMPARE(
        metadata.message,
        QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address"));
}

void TestTargetPolicy::followsTheListenAddress_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("allowPrivate");
    QTest::addRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::addRow("127.0.0.2") << "127.0.0.2" << true;
    QTest::addRow("::1") << "::1" << true;
    QTest::addRow("0.0.0.0") << "0.0.0.0" << false;
    QTest::addRow("::") << "::" << false;
    QTest::addRow("lan") << "192.168.1.10" << false;
    QTest::addRow("public") << "93.184.216.34" << false;
}

void TestTargetPolicy::followsTheListenAddress()
{
    QFETCH(QString, listen);
    QFETCH(bool, allowPrivate);
    const TargetPolicy policy = TargetPolicy::forListenAddress(QHostAddress(listen));
    QCOMPARE(policy.allowPrivate(), allowPrivate);
    QCOMPARE(policy.checkUrl(QUrl(QStringLiteral("http://127.0.0.1/"))).isAllowed(), allowPrivate);
    QVERIFY(policy.checkUrl(QUrl(QStringLiteral("http://169.254.169.254/"))).isBlocked());
}

void TestTargetPolicy::travelsAsJson()
{
    TargetPolicy policy = blocking();
    QString error;
    QVERIFY(policy.addAllowedTarget(QStringLiteral("http://127.0.0.1:8080"), &error));
    QVERIFY(policy.addAllowedTarget(QStringLiteral("https://[::1]"), &error));
    QCOMPARE(policy.allowedTargets(),
             QStringList(
                 { QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("https://[::1]:443") }));
    const std::optional<TargetPolicy> back = TargetPolicy::fromJson(policy.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == policy);

    QVERIFY(!TargetPolicy::fromJson(QJsonObject(), &error));
    QVERIFY(!TargetPolicy::fromJson(
        QJsonObject { { QStringLiteral("allow_private"), false },
                      { QStringLiteral("allowed_targets"),
                        QJsonArray { QStringLiteral("http://169.254.169.254") } } },
        &error));

    qputenv(qPrintable(TargetPolicy::environmentVariable()),
            QJsonDocument(policy.toJson()).toJson());
    const std::optional<TargetPolicy> fromEnvironment = TargetPolicy::fromEnvironment(&error);
    QVERIFY2(fromEnvironment, qPrintable(error));
    QVERIFY(*fromEnvironment == policy);
    qunsetenv(qPrintable(TargetPolicy::environmentVariable()));
    QVERIFY(!TargetPolicy::fromEnvironment(&error));
    QVERIFY(error.isEmpty());
}

QTEST_GUILESS_MAIN(TestTargetPolicy)

#include "tst_targetpolicy.moc"
