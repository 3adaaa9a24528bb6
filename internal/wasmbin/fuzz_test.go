package wasmbin

import (
	"errors"
	"testing"
)

// FuzzDecode decodes arbitrary bytes: Decode and LeadingCustom never
// panic, fail only with ErrDecode, and what Decode returns is consistent
// and lies within the input. The seed corpus (testdata/fuzz/FuzzDecode)
// holds encoded modules and malformed ones.
func FuzzDecode(f *testing.F) {
	f.Add(roundTripModule().Encode())
	f.Add(hostModule().Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		LeadingCustom(data, "multilingual.abi")
		s, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrDecode) {
				t.Fatalf("error %v does not wrap ErrDecode", err)
			}
			return
		}
		if len(s.FuncTypes) != s.Funcs {
			t.Errorf("%d function types for %d functions", len(s.FuncTypes), s.Funcs)
		}
		n := 0
		for _, im := range s.Imports {
			if im.Kind == ExternFunc {
				n++
			}
		}
		if n != s.FuncImports {
			t.Errorf("%d function imports counted, %d listed", s.FuncImports, n)
		}
		if s.ExportsTotal < len(s.FuncExports)+len(s.MemExports) {
			t.Errorf("%d exports in all, fewer than %d functions and %d memories", s.ExportsTotal, len(s.FuncExports), len(s.MemExports))
		}
		total := 0
		for _, b := range s.Bodies {
			total += len(b)
		}
		for _, c := range s.Custom {
			total += len(c.Data) + len(c.Name)
		}
		if total > len(data) {
			t.Errorf("bodies and custom sections take %d bytes of %d", total, len(data))
		}
	})
}
