//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package wasm

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// readEntry returns the contents of the cache entry at path, read into
// memory. It opens the file without blocking and without following a
// symbolic link, and refuses (with an *UnsafeEntryError) anything but a
// regular file owned by the current user: a FIFO planted under an entry's
// name would otherwise block the open forever, and a file of another user
// would become machine code in this process. Errors wrap the os errors,
// so that errors.Is(err, fs.ErrNotExist) reports a missing file.
func readEntry(path string) ([]byte, error) {
	fd, size, err := openEntry(path)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	data := make([]byte, size)
	for n := 0; n < len(data); {
		k, err := syscall.Read(fd, data[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if k == 0 {
			// Truncated since the fstat: the checks reject the short data.
			return data[:n], nil
		}
		n += k
	}
	return data, nil
}

// openEntry opens path read-only, non-blocking, without following a
// symbolic link, and checks that it is a regular file owned by the
// current user; it returns the descriptor and the file's size.
func openEntry(path string) (int, int64, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err == syscall.ELOOP {
		return -1, 0, &UnsafeEntryError{Path: path, Reason: "a symbolic link"}
	}
	if err != nil {
		return -1, 0, &os.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return -1, 0, &os.PathError{Op: "fstat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return -1, 0, &UnsafeEntryError{Path: path, Reason: "not a regular file"}
	}
	if uid := os.Getuid(); int(st.Uid) != uid {
		syscall.Close(fd)
		return -1, 0, &UnsafeEntryError{Path: path, Reason: fmt.Sprintf("owned by uid %d, not by this user (uid %d)", st.Uid, uid)}
	}
	if st.Size < 0 || int64(int(st.Size)) != st.Size {
		syscall.Close(fd)
		return -1, 0, fmt.Errorf("wasm: %s: %d bytes cannot be read", path, st.Size)
	}
	return fd, st.Size, nil
}

// dirOwner returns the owner of the file fi describes.
func dirOwner(fi fs.FileInfo) (uid int, ok bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid), true
	}
	return 0, false
}
