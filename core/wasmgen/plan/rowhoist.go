package plan

import (
	"slices"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
)

// Invariant rows (pass rowhoist). The matrix product as users write it,
// `s = s + a[i][k] * b[k][j]` in a loop over k, reads the row a[i] at
// every turn: a's slot i, the row's length for the bounds check, its
// data pointer, then the element; and since k indexes a[i][k], which is
// not a list local's access, the loop could not run on pointers
// (ivptr.go). C's compiler hoists a[i] out of the loop; Python's order of
// evaluation forbids doing it before the loop in general: a[i] may raise
// IndexError, which must happen at the first turn, after what the turn
// evaluates before it, and not at all when the loop makes no turn.
//
// So the row is read before the fast copy of the loop, under its test:
// when i <u len(a), the row's length and data pointer are loaded into
// locals (core/wasmgen/version.go, loadRows), else the length is taken
// as -1, which fails the test stop <= len(a[i]) of any loop that makes a
// turn (start >= 0). In the fast copy the row is then a proven list like
// a list local: a[i][k] is in bounds, read at data + (k << w), and on the
// loop's pointer when it runs on pointers; the usual copy, which runs
// otherwise, reads a[i] at each turn and raises where Python does.
//
// Proof. The fast copy runs only when 0 <= i < len(a), start >= 0 and
// stop <= len(a[i]) as read before the loop. The loop does not change
// a[i] or its header: a's header is hoisted by an enclosing loop (no
// append, pop or compiled call anywhere in it, a not assigned), the loop
// stores no element into a list of lists (LoopInfo.RowsStable), and it
// does not assign i. So a[i] is the same row at every turn, with the
// length and data pointer read before it, and every k the loop visits
// lies in [start, stop), inside the row. A row is named by its key
// "a[i]", which no identifier can be, among the lists the fast copy
// proves (ProvableLists).

// RowKey returns the key of the row list[index] among the proven lists.
func RowKey(list, index string) string { return list + "[" + index + "]" }

// ListKey returns the name under which the fast copy proves accesses to
// the list e: a list local's name, or the key of a row L[i] of two
// names; "" for any other expression.
func ListKey(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.Index:
		l, okL := e.X.(*ast.Ident)
		i, okI := e.Index.(*ast.Ident)
		if okL && okI {
			return RowKey(l.Name, i.Name)
		}
	}
	return ""
}

// An InvariantRow is a row List[Index] that an innermost loop reads as
// List[Index][k] (see above); Key is its RowKey.
type InvariantRow struct {
	Key, List, Index string
}

// InvariantRows returns the rows L[i] that the innermost range loop s
// (with the range's arguments args) reads as L[i][k], k its variable,
// and that its fast copy can read once (see above): the loop can be
// versioned (VersionableLoop), L is a hoisted list of lists (hoisted
// holds), i an int local other than k that the loop does not assign,
// and the loop stores into no list of lists.
func (rg *Func) InvariantRows(s *ast.For, args []ast.Expr, hoisted func(list string) bool) []InvariantRow {
	if !rg.Passes.Has(PassRowHoist) || !rg.VersionableLoop(s, args) || !rg.LoopOf(s).RowsStable {
		return nil
	}
	k := s.Var().Name
	loop := rg.LoopOf(s)
	var rows []InvariantRow
	ast.InspectStmts(s.Body, func(n ast.Node) bool {
		e, ok := n.(*ast.Index)
		if !ok {
			return true
		}
		row, okRow := e.X.(*ast.Index)
		kk, okK := e.Index.(*ast.Ident)
		if !okRow || !okK || kk.Name != k {
			return true
		}
		l, okL := row.X.(*ast.Ident)
		i, okI := row.Index.(*ast.Ident)
		if !okL || !okI || i.Name == k || loop.Assigned[i.Name] || !hoisted(l.Name) {
			return true
		}
		lt, okLT := rg.LocalTypes()[l.Name]
		it, okIT := rg.LocalTypes()[i.Name]
		if !okLT || lt.Kind != check.List || lt.Elem.Kind != check.List || !okIT || it.Kind != check.Int {
			return true
		}
		r := InvariantRow{Key: RowKey(l.Name, i.Name), List: l.Name, Index: i.Name}
		if !slices.Contains(rows, r) {
			rows = append(rows, r)
		}
		return true
	})
	return rows
}
