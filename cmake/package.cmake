# The Debian package: `cpack -G DEB` in the build directory packages what `cmake --install`
# installs (binaries, the data directory with the dictionaries, manual pages, bash completion,
# documentation) under /usr, whatever CMAKE_INSTALL_PREFIX says. scripts/package builds and
# checks it.

# Documentation beside the manual pages: the guide, the README, the licence (as Debian's
# copyright file).
install(FILES README.md docs/guide.md docs/output-format.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES LICENSE DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME copyright)

set(CPACK_PACKAGE_NAME "dipnews")
set(CPACK_PACKAGE_VENDOR "dipnews")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search for diplomatic news, from the shell")
set(CPACK_PACKAGE_CONTACT "dipnews maintainers <dipnews@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # dipnews_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "text")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The long description (CPack puts the summary above it and indents it).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "dipnews-index builds a Xapian index over news articles (JSONL, text, saved web pages),
tagging each with the people, countries, organisations and topics it mentions;
dipnews-search runs ranked queries against it, by hand or in batches, with facets,
timelines and co-occurrence counts. Includes actor and topic dictionaries, manual
pages, bash completion and a small sample corpus.")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")

# Runtime dependencies: dpkg-shlibdeps (package dpkg-dev) reads them off the binaries, with
# versions. Without it, the packages that ship the libraries the binaries link are asked of dpkg.
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(dipnews_deb_depends "libc6" "libstdc++6" "libgcc-s1")
  set(linked_libraries ${XAPIAN_LINK_LIBRARIES} ${Boost_PROGRAM_OPTIONS_LIBRARY_RELEASE} ${GUMBO_LINK_LIBRARIES}
                       ${RE2_LINK_LIBRARIES} ${ICU_LINK_LIBRARIES} ${CLD2_LIBRARY} ${TCMALLOC_LINK_LIBRARIES})
  foreach(library IN LISTS linked_libraries)
    get_filename_component(library "${library}" REALPATH)
    execute_process(COMMAND dpkg-query -S "${library}" OUTPUT_VARIABLE owner ERROR_QUIET RESULT_VARIABLE status)
    # "libxapian-dev:amd64: /usr/lib/x86_64-linux-gnu/libxapian.so.30.x.y": the real file belongs to
    # the runtime package (libxapian30); the -dev package only owns the .so symlink.
    if(status EQUAL 0 AND owner MATCHES "^([^:,]+)")
      list(APPEND dipnews_deb_depends "${CMAKE_MATCH_1}")
    else()
      message(WARNING "package: no Debian package owns ${library}; add it to the dependencies by hand")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES dipnews_deb_depends)
  string(REPLACE ";" ", " CPACK_DEBIAN_PACKAGE_DEPENDS "${dipnews_deb_depends}")
endif()

include(CPack)
