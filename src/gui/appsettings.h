#pragma once

#include "serviceconfig.h"
#include "servicecommandline.h"

class QSettings;

// What the desktop app remembers between runs (through QSettings) and how the command line
// overrides it for one run.
struct GuiSettings
{
    ServiceConfig config;
    bool apiEnabled = true; // serve the REST API while the window is open

    // Reads the saved settings over `defaults`.
    static GuiSettings load(const QSettings &settings, const GuiSettings &defaults);
    void save(QSettings &settings) const;
    // Options given on the command line win over saved settings, for this run only.
    void applyCommandLine(const ServiceCommandLine::Serve &serve);
};
