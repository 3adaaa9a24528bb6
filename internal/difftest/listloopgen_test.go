//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestListLoopShapes checks that ListLoopProgram keeps producing
// compiled programs that wasmgen's listloops pass transforms (their
// module changes when the pass is switched off), and programs where it
// must leave a loop alone, so that TestListLoopDifferential covers both.
func TestListLoopShapes(t *testing.T) {
	const n = 600
	compiled, changed := passChanges(t, n, (*Generator).ListLoopProgram, wasmgen.PassListLoops, true)
	t.Logf("%d of %d list loop programs compiled, %d changed by listloops", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled/2 || changed == compiled {
		t.Errorf("the generator drifted from the listloops pass: %d compiled, %d changed", compiled, changed)
	}
}

// TestListLoopDifferential is TestDifferential on programs of loops over
// lists only (ListLoopProgram): -difftest.n programs from
// -difftest.seed, half of them optimized.
func TestListLoopDifferential(t *testing.T) {
	familyDifferential(t, "list loop", (*Generator).ListLoopProgram)
}
