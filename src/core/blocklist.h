#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

// Hosts that "block_ads" refuses: the list shipped in resources/capture/ad-hosts.txt plus any
// files the user adds (one host a line, '#' comments). A host is blocked when it or any of its
// parent domains is listed. Immutable once loaded, so captures may share one.
class BlockList
{
public:
    // The shipped list only.
    BlockList();
    // The shipped list and the user's files; *error names a file that cannot be read.
    static std::optional<BlockList> load(const QStringList &extraFiles, QString *error);

    bool blocks(const QString &host) const;
    int size() const { return int(m_hosts.size()); }

private:
    void addLines(const QString &text);

    QSet<QString> m_hosts;
};
