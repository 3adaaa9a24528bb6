package wasm

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// An ABIError reports a module that records another module ABI version
// (core/abi) than the runtime's: it was built by another release of the
// compiler, and its conventions (error codes, layouts, exports) may not be
// the ones the runtime follows. Module is -1 when the version cannot be
// read.
type ABIError struct {
	Module, Runtime int
}

// Error names both versions and the remedy.
func (e *ABIError) Error() string {
	if e.Module < 0 {
		return fmt.Sprintf("module records an unreadable ABI version, this runtime speaks ABI %d; rebuild it", e.Runtime)
	}
	return fmt.Sprintf("module built for ABI %d, this runtime speaks ABI %d; rebuild it", e.Module, e.Runtime)
}

// checkABI returns an *ABIError when wasm records an ABI version other
// than abi.Version in its leading custom section abi.VersionSection.
// A module without the section (a foreign module, or one built before the
// version was recorded) passes: the runtime treats it as it always has.
func checkABI(wasm []byte) error {
	data, ok := wasmbin.LeadingCustom(wasm, abi.VersionSection)
	if !ok {
		return nil
	}
	r := wasmbin.NewReader(data)
	v, err := r.U32()
	switch {
	case err != nil || !r.AtEnd():
		return &ABIError{Module: -1, Runtime: abi.Version}
	case v != abi.Version:
		return &ABIError{Module: int(v), Runtime: abi.Version}
	}
	return nil
}
