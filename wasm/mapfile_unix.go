//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package wasm

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
)

// A mappedFile is a cache entry opened for reading. Its bytes are mapped
// rather than read: reading a 250 KB entry into fresh heap memory took
// about 0.1 ms in a new process, mostly page faults, where mapping the
// page cache costs a few microseconds.
type mappedFile struct {
	f    *os.File
	data []byte // the whole file, read-only; nil when it is empty
}

// mapFile opens and maps the file at path. Errors wrap the os errors, so
// that errors.Is(err, fs.ErrNotExist) reports a missing file.
func mapFile(path string) (*mappedFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	size := fi.Size()
	if size < 0 || int64(int(size)) != size {
		f.Close()
		return nil, fmt.Errorf("wasm: %s: %d bytes cannot be mapped", path, size)
	}
	mf := &mappedFile{f: f}
	if size > 0 {
		mf.data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
		if err != nil {
			f.Close()
			return nil, &os.PathError{Op: "mmap", Path: path, Err: err}
		}
	}
	return mf, nil
}

// bytes returns the file's contents, valid until close.
func (mf *mappedFile) bytes() []byte { return mf.data }

// samePath returns a path that opens the very file mf holds open, whatever
// has been renamed over its name since ("/proc/self/fd/N" on Linux), or
// "" where there is none. It stays valid until close.
func (mf *mappedFile) samePath() string {
	if !procFDs() {
		return ""
	}
	return "/proc/self/fd/" + strconv.Itoa(int(mf.f.Fd()))
}

// close unmaps and closes the file. It may be called more than once.
func (mf *mappedFile) close() {
	if mf.data != nil {
		syscall.Munmap(mf.data)
		mf.data = nil
	}
	if mf.f != nil {
		mf.f.Close()
		mf.f = nil
	}
}

// procFDs reports whether /proc/self/fd names this process's open files
// (Linux with /proc mounted).
var procFDs = sync.OnceValue(func() bool {
	if runtime.GOOS != "linux" {
		return false
	}
	fi, err := os.Stat("/proc/self/fd")
	return err == nil && fi.IsDir()
})
