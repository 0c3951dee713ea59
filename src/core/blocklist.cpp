#include "blocklist.h"

#include <QFile>

BlockList::BlockList()
{
    QFile shipped(QStringLiteral(":/urlshot/capture/ad-hosts.txt"));
    if (shipped.open(QIODevice::ReadOnly))
        addLines(QString::fromUtf8(shipped.readAll()));
}

std::optional<BlockList> BlockList::load(const QStringList &extraFiles, QString *error)
{
    BlockList list;
    for (const QString &path : extraFiles) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = QStringLiteral("cannot read the block list %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        list.addLines(QString::fromUtf8(file.readAll()));
    }
    return list;
}

void BlockList::addLines(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString host = line.section(QLatin1Char('#'), 0, 0).trimmed().toLower();
        if (!host.isEmpty())
            m_hosts.insert(host);
    }
}

bool BlockList::blocks(const QString &host) const
{
    // ads.example.com is blocked by ads.example.com, example.com or com itself.
    QString candidate = host.toLower();
    if (candidate.endsWith(QLatin1Char('.')))
        candidate.chop(1);
    while (!candidate.isEmpty()) {
        if (m_hosts.contains(candidate))
            return true;
        const qsizetype dot = candidate.indexOf(QLatin1Char('.'));
        if (dot < 0)
            break;
        candidate = candidate.mid(dot + 1);
    }
    return false;
}
