#pragma once

// Environment that must be in place before QApplication exists, so that urlshot works on a
// machine with no display and as root without the user setting anything.
namespace PlatformSetup {

// `headless` forces the offscreen platform; without a display it is chosen anyway.
// `darkColorScheme` makes every page of this process see prefers-color-scheme: dark (Qt 6.4
// has no per-page switch; Chromium's blink setting is process-wide).
void prepareEnvironment(bool headless, bool darkColorScheme = false);

} // namespace PlatformSetup
