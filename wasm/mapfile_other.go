//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package wasm

import "os"

// A mappedFile is a cache entry opened for reading. Where mapping files
// is not implemented, its bytes are read into memory.
type mappedFile struct {
	data []byte
}

// mapFile reads the file at path. Errors wrap the os errors, so that
// errors.Is(err, fs.ErrNotExist) reports a missing file.
func mapFile(path string) (*mappedFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &mappedFile{data: data}, nil
}

// bytes returns the file's contents.
func (mf *mappedFile) bytes() []byte { return mf.data }

// samePath returns "": there is no portable name for an open file here.
func (mf *mappedFile) samePath() string { return "" }

// close releases the contents. It may be called more than once.
func (mf *mappedFile) close() { mf.data = nil }
