package wasm

import (
	"errors"
	"fmt"
)

// ErrNoMemory is returned by the memory methods of an instance whose
// module exports no memory named "memory".
var ErrNoMemory = errors.New(`wasm: module exports no memory named "memory"`)

// A MemoryRangeError reports an access outside the linear memory.
type MemoryRangeError struct {
	Offset, Length, Size int
}

// Error describes the range and the memory size.
func (e *MemoryRangeError) Error() string {
	return fmt.Sprintf("wasm: memory access [%d, %d+%d) out of bounds (memory size %d)",
		e.Offset, e.Offset, e.Length, e.Size)
}

// memory returns the exported memory's current contents, aliasing wasm
// memory: valid only until the next call into the instance.
func (inst *Instance) memory() ([]byte, error) {
	if inst.store == nil {
		return nil, ErrClosed
	}
	if inst.mem == nil {
		return nil, ErrNoMemory
	}
	return inst.mem.UnsafeData(inst.store), nil
}

// checkRange validates [off, off+n) against size.
func checkRange(off, n, size int) error {
	if off < 0 || n < 0 || off > size || n > size-off {
		return &MemoryRangeError{Offset: off, Length: n, Size: size}
	}
	return nil
}

// MemorySize returns the size in bytes of the exported memory.
func (inst *Instance) MemorySize() (n int, err error) {
	defer recoverTo(&err)
	data, err := inst.memory()
	return len(data), err
}

// MemoryRead returns a copy of n bytes of the exported memory at off.
func (inst *Instance) MemoryRead(off, n int) (out []byte, err error) {
	defer recoverTo(&err)
	data, err := inst.memory()
	if err != nil {
		return nil, err
	}
	if err := checkRange(off, n, len(data)); err != nil {
		return nil, err
	}
	return append([]byte(nil), data[off:off+n]...), nil
}

// MemoryWrite copies p into the exported memory at off.
func (inst *Instance) MemoryWrite(off int, p []byte) (err error) {
	defer recoverTo(&err)
	data, err := inst.memory()
	if err != nil {
		return err
	}
	if err := checkRange(off, len(p), len(data)); err != nil {
		return err
	}
	copy(data[off:], p)
	return nil
}
