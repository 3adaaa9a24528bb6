//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestRowDataShapes checks that RowDataProgram keeps producing compiled
// programs whose modules the rowdata pass changes (a table of row data
// pointers) and the rowhoist pass (rows read once), so that
// TestRowDataDifferential covers them, and that the main family reaches
// rowdata too.
func TestRowDataShapes(t *testing.T) {
	const n = 600
	compiled, changed := passChanges(t, n, (*Generator).RowDataProgram, wasmgen.PassRowData, false)
	t.Logf("%d of %d row data programs compiled, %d changed by rowdata", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled/2 {
		t.Errorf("the generator drifted from the rowdata pass: %d compiled, %d changed", compiled, changed)
	}
	compiled, changed = passChanges(t, n, (*Generator).RowDataProgram, wasmgen.PassRowHoist, false)
	t.Logf("%d of %d row data programs compiled, %d changed by rowhoist", compiled, n, changed)
	if changed < compiled/4 {
		t.Errorf("the generator drifted from the rowhoist pass: %d compiled, %d changed", compiled, changed)
	}
	compiled, changed = passChanges(t, n, (*Generator).Program, wasmgen.PassRowData, false)
	t.Logf("%d of %d programs compiled, %d changed by rowdata", compiled, n, changed)
	if changed == 0 {
		t.Errorf("no program of the main family reaches the rowdata pass (%d compiled)", compiled)
	}
}

// TestRowDataDifferential is TestDifferential on loop nests over lists
// of lists only (RowDataProgram): -difftest.n programs from
// -difftest.seed, half of them optimized.
func TestRowDataDifferential(t *testing.T) {
	familyDifferential(t, "row data", (*Generator).RowDataProgram)
}
