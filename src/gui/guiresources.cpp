#include "guiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initUrlshotResources()
{
    Q_INIT_RESOURCE(urlshot);
}

namespace GuiResources {

void ensureLoaded()
{
    static const bool loaded = (initUrlshotResources(), true);
    Q_UNUSED(loaded);
}

} // namespace GuiResources
