package wasmgen

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// TestModulesRecordABIVersion checks that every generated module records
// abi.Version in its first section, where the runtime looks for it.
func TestModulesRecordABIVersion(t *testing.T) {
	for path, m := range testdataModules(t) {
		data, ok := wasmbin.LeadingCustom(m.Encode(), abi.VersionSection)
		r := wasmbin.NewReader(data)
		v, err := r.U32()
		if !ok || err != nil || !r.AtEnd() || v != abi.Version {
			t.Errorf("%s: ABI section % x (found %v), want version %d", path, data, ok, abi.Version)
		}
	}
}
