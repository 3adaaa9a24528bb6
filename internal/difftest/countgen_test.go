//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestCountShapes checks that CountProgram keeps producing compiled
// programs whose module the whilerange pass changes (a while loop of
// theirs counts, and runs as a range loop), and programs where it must
// not (every loop a near miss), so that TestCountDifferential covers
// both.
func TestCountShapes(t *testing.T) {
	const n = 600
	compiled, changed := passChanges(t, n, (*Generator).CountProgram, wasmgen.PassWhileRange, false)
	t.Logf("%d of %d count programs compiled, %d changed by whilerange", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled*2/5 || changed == compiled {
		t.Errorf("the generator drifted from the whilerange pass: %d compiled, %d changed", compiled, changed)
	}
}

// TestCountDifferential is TestDifferential on programs of counting while
// loops and their near misses (CountProgram): -difftest.n programs from
// -difftest.seed, half of them optimized.
func TestCountDifferential(t *testing.T) {
	familyDifferential(t, "count", (*Generator).CountProgram)
}
