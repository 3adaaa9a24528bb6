package main

// Version is the extension's version, exposed as _native.__version__. The
// Python package refuses to load an extension whose version differs from
// its own. It is a variable so that setup.py can set it with
// -ldflags "-X main.Version=...".
var Version = "0.1.0"
