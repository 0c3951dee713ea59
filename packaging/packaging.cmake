# CPack: `cmake --build build --target package` makes a .deb for Debian 12 and a tarball.
set(CPACK_PACKAGE_NAME "urlshot")
set(CPACK_PACKAGE_VENDOR "urlshot")
set(CPACK_PACKAGE_CONTACT "urlshot maintainers <maintainers@urlshot.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "web")
# Runtime libraries of the Qt modules urlshot links, as Debian 12 names them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6network6 (>= 6.4), libqt6sql6-sqlite (>= 6.4), libqt6httpserver6 (>= 6.4), libqt6webenginecore6 (>= 6.4), libqt6webenginewidgets6 (>= 6.4), libqt6concurrent6 (>= 6.4), qt6-image-formats-plugins (>= 6.4)")
include(CPack)
