package main

// Version is the extension's version, exposed as _native.__version__. The
// Python package refuses to load an extension whose version differs from
// its own. It is a variable so that setup.py can set it with
// -ldflags "-X main.Version=...".
var Version = "0.1.0"

// HotLayout is a digest of pybridge/hot.ld, the linker script of the
// extension's link (-ldflags "-X main.HotLayout=..." in the Makefile and
// setup.py). Nothing reads it: it is part of the link's flags so that a
// change to the script changes the build ID, without which `go build`
// would keep an extension linked with the script as it was before.
var HotLayout = ""
