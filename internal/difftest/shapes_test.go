//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// passChanges generates n programs of a family (seeds 1 to n) and counts
// those that compile (internal: a function behind a wrapper counts too)
// and those whose optimized module changes when pass is switched off: the
// shapes tests check that a family keeps covering its pass, both where it
// applies and where it must not.
func passChanges(t *testing.T, n uint64, program func(*Generator) *Program, pass wasmgen.Pass, internal bool) (compiled, changed int) {
	t.Helper()
	for seed := uint64(1); seed <= n; seed++ {
		p := program(NewGenerator(seed))
		_, f, info := checkedEnglish(t, seed, p)
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable && !(internal && fn.Internal) {
			continue
		}
		on, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		off, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true, Disable: wasmgen.PassSet(pass)})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compiled++
		if on.WAT() != off.WAT() {
			changed++
		}
	}
	return compiled, changed
}
