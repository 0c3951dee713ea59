#pragma once

// Environment that must be in place before QApplication exists, so that urlshot works on a
// machine with no display and as root without the user setting anything.
namespace PlatformSetup {

// `headless` forces the offscreen platform; without a display it is chosen anyway.
void prepareEnvironment(bool headless);

} // namespace PlatformSetup
