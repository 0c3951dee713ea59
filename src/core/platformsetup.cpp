#include "platformsetup.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <unistd.h>

namespace PlatformSetup {

void prepareEnvironment(bool headless, bool darkColorScheme)
{
    const bool hasDisplay = qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if ((headless || !hasDisplay) && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // Chromium refuses to start its sandbox as root. --no-sandbox on argv would be ignored
    // unless placed after --webEngineArgs, so use Qt WebEngine's own switch.
    // Qt WebEngine shares OpenGL contexts with the widgets it is embedded in (Qt's advice).
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // Qt WebEngine prints its whole GL and Chromium configuration at info level on start;
    // QT_LOGGING_RULES still brings it back.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.webenginecontext.info=false"));

    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");

    // A capture service has no use for Chromium's background chatter (component updates,
    // safe-browsing lists), which also fails on machines with no network. Hidden views must
    // not be throttled as background tabs, or timers and frames slow down. Paint holding keeps
    // a new page's first frame back for up to 500 ms until "contentful" paint (text or an
    // image), which delays every capture of a page drawn only with CSS or canvas.
    //
    // Whatever QTWEBENGINE_CHROMIUM_FLAGS the environment brings is dropped, not merged: a
    // flag such as --remote-debugging-port, --proxy-server, --host-resolver-rules,
    // --disable-web-security or --user-data-dir would let pages (or whoever reaches the
    // debugging port) past the target policy. QTWEBENGINE_REMOTE_DEBUGGING opens a DevTools
    // port that drives every page: gone too.
    const QByteArray inherited = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS").trimmed();
    if (!inherited.isEmpty())
        qWarning("urlshot: ignoring QTWEBENGINE_CHROMIUM_FLAGS (%s): urlshot sets Chromium's flags itself",
                 inherited.constData());
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
    QByteArray flags;
    for (const char *flag :
         { "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-first-run", "--disable-renderer-backgrounding",
           "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
           "--disable-features=PaintHolding",
           // WebRTC would otherwise send UDP to any address a page names (STUN, TURN, peers),
           // outside the request interceptor and the pinning proxy: only proxied TCP remains.
           "--force-webrtc-ip-handling-policy=disable_non_proxied_udp" }) {
        flags += ' ' + QByteArray(flag);
    }
    // 0 is Blink's "dark" in its PreferredColorScheme enum.
    if (darkColorScheme)
        flags += " --blink-settings=preferredColorScheme=0";
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags.trimmed());
}

} // namespace PlatformSetup
