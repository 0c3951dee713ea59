#pragma once

// The GUI's icons come from resources/urlshot.qrc, compiled into the static urlshot_gui
// library; a static library's resources must be registered by hand (Q_INIT_RESOURCE).
namespace GuiResources {

void ensureLoaded();

} // namespace GuiResources
