package wasm

import (
	"errors"
	"fmt"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// versioned returns a module with one export, "f", that records data in
// the ABI version section (none when data is nil).
func versioned(data []byte) []byte {
	m := &wasmbin.Module{Funcs: []*wasmbin.Func{{Name: "f", Export: true,
		Type: wasmbin.FuncType{Results: []wasmbin.ValType{wasmbin.I32}},
		Body: []wasmbin.Instr{{Op: wasmbin.OpI32Const, Imm: 7}}}}}
	if data != nil {
		m.Custom = []wasmbin.CustomSection{{Name: abi.VersionSection, Data: data}}
	}
	return m.Encode()
}

// TestABIVersionChecked loads modules that record this ABI, another one,
// an unreadable one and none: only another or an unreadable version is
// refused, with an *ABIError naming both versions, before anything is
// cached.
func TestABIVersionChecked(t *testing.T) {
	ClearCache()
	tests := []struct {
		data []byte
		want string // "" when the module loads
	}{
		{nil, ""},
		{wasmbin.AppendUleb128(nil, abi.Version), ""},
		{wasmbin.AppendUleb128(nil, abi.Version-1), fmt.Sprintf("module built for ABI %d, this runtime speaks ABI %d; rebuild it", abi.Version-1, abi.Version)},
		{wasmbin.AppendUleb128(nil, 1000), fmt.Sprintf("module built for ABI 1000, this runtime speaks ABI %d; rebuild it", abi.Version)},
		{[]byte{0x80}, fmt.Sprintf("module records an unreadable ABI version, this runtime speaks ABI %d; rebuild it", abi.Version)},
		{append(wasmbin.AppendUleb128(nil, abi.Version), 0), fmt.Sprintf("module records an unreadable ABI version, this runtime speaks ABI %d; rebuild it", abi.Version)},
	}
	for _, tt := range tests {
		before := CacheLen()
		m, _, err := Load(versioned(tt.data))
		if tt.want == "" {
			if err != nil {
				t.Errorf("version % x: %v", tt.data, err)
				continue
			}
			if _, ok := m.Export("f"); !ok {
				t.Errorf("version % x: no export f", tt.data)
			}
			continue
		}
		var ae *ABIError
		if !errors.As(err, &ae) || err.Error() != tt.want {
			t.Errorf("version % x: error %v, want %q", tt.data, err, tt.want)
		}
		if CacheLen() != before {
			t.Errorf("version % x: the refused module was cached", tt.data)
		}
	}
}
