//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package wasm

import (
	"io/fs"
	"os"
)

// readEntry returns the contents of the cache entry at path, read into
// memory, refusing (with an *UnsafeEntryError) anything but a regular
// file. Errors wrap the os errors, so that errors.Is(err, fs.ErrNotExist)
// reports a missing file. Owners are not checked here: where these
// systems keep permissions, they are not Unix modes.
func readEntry(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &UnsafeEntryError{Path: path, Reason: "not a regular file"}
	}
	return os.ReadFile(path)
}

// dirOwner reports no owner: there are no Unix owners here.
func dirOwner(fs.FileInfo) (uid int, ok bool) { return 0, false }
