//go:build cgo

package wasmgen

import (
	"testing"
)

// rowDataSrc holds the loop nests of the rowdata tests: a column walk of
// a product (colsum, a table read through the pointer loop), one that
// reads k besides the rows (weighted, a table read from the counter),
// stores into the rows (bump), a nest a compiled loop runs many times
// (nest, called by repeat: its table must be given back each time), and
// a nest that allocates after its table (alloc: the table is kept).
const rowDataSrc = `def grid(n: int, m: int) -> list[list[int]]:
    g = []
    for i in range(n):
        row = [0] * m
        for j in range(m):
            row[j] = (i * 7 + j * 3) % 11
        g.append(row)
    return g

def colsum(n: int, m: int) -> int:
    g = grid(n, m)
    v = [0] * n
    for k in range(n):
        v[k] = k % 5 + 1
    total = 0
    for i in range(2):
        for j in range(m):
            s = 0
            for k in range(n):
                s = s + v[k] * g[k][j]
            total = total + s
    return total

def weighted(n: int, m: int) -> int:
    g = grid(n, m)
    total = 0
    for i in range(2):
        for j in range(m):
            for k in range(1, n):
                total = total + k * g[k][j]
    return total

def bump(n: int, m: int) -> int:
    g = grid(n, m)
    for i in range(3):
        for j in range(m):
            for k in range(n):
                g[k][j] += j
    total = 0
    for row in g:
        total = total + sum(row)
    return total

def nest(g: list[list[int]], m: int) -> int:
    total = 0
    for i in range(2):
        for j in range(m):
            for k in range(len(g)):
                total = total + g[k][j]
    return total

def repeat(n: int, m: int, times: int) -> int:
    g = grid(n, m)
    total = 0
    for t in range(times):
        total = total + nest(g, m)
    return total

def alloc(n: int, m: int) -> int:
    g = grid(n, m)
    keep = []
    total = 0
    for i in range(3):
        keep = [i] * 4
        for j in range(m):
            for k in range(n):
                total = total + g[k][j]
    return total + sum(keep)
`

// gridRef is grid(n, m)[i][j] of rowDataSrc.
func gridRef(i, j int64) int64 { return (i*7 + j*3) % 11 }

func TestRowDataNests(t *testing.T) {
	cells := func(n, m int64, f func(k, j int64) int64) int64 {
		s := int64(0)
		for j := int64(0); j < m; j++ {
			for k := int64(0); k < n; k++ {
				s += f(k, j)
			}
		}
		return s
	}
	type tc struct {
		fn   string
		args []any
		want int64
	}
	var cases []tc
	for _, nm := range [][2]int64{{0, 0}, {1, 1}, {3, 5}, {40, 17}, {200, 3}} {
		n, m := nm[0], nm[1]
		cases = append(cases,
			tc{"colsum", []any{n, m}, 2 * cells(n, m, func(k, j int64) int64 { return (k%5 + 1) * gridRef(k, j) })},
			tc{"weighted", []any{n, m}, 2 * cells(n, m, func(k, j int64) int64 { return k * gridRef(k, j) })},
			tc{"bump", []any{n, m}, cells(n, m, func(k, j int64) int64 { return gridRef(k, j) + 3*j })},
			tc{"repeat", []any{n, m, int64(5)}, 10 * cells(n, m, gridRef)},
			tc{"alloc", []any{n, m}, 3*cells(n, m, gridRef) + 8},
		)
	}
	for _, opt := range []Options{{Optimize: true}, {Optimize: true, Disable: PassSet(PassRowData)}, {}} {
		in := instantiateSrc(t, rowDataSrc, opt)
		for _, c := range cases {
			got := in.call(c.fn, c.args...)
			if got.trap != "" || got.val.(int64) != c.want {
				t.Errorf("%s%v (passes %v): got %+v, want %d", c.fn, c.args, opt.Passes(), got, c.want)
			}
		}
	}
}

// TestRowDataTableGivenBack runs a nest with a table 20,000 times from a
// compiled loop: the tables, given back to the arena each time, must not
// grow the memory beyond what the module without the pass uses.
func TestRowDataTableGivenBack(t *testing.T) {
	pages := func(opt Options) uint64 {
		in := instantiateSrc(t, rowDataSrc, opt)
		if got := in.call("repeat", int64(256), int64(2), int64(20000)); got.trap != "" {
			t.Fatalf("repeat: %+v", got)
		}
		return in.inst.GetExport(in.store, "memory").Memory().Size(in.store)
	}
	on, off := pages(Options{Optimize: true}), pages(Options{Optimize: true, Disable: PassSet(PassRowData)})
	if on != off {
		t.Errorf("memory after 20,000 nests: %d pages with rowdata, %d without", on, off)
	}
}

// TestRowDataWhere checks where the pass makes a table: in the nests of
// rowDataSrc, not in a nest that may return from inside (the table would
// not be given back) nor in one that stores a row (rows not stable).
func TestRowDataWhere(t *testing.T) {
	changes := func(src string) bool {
		f, info := checkSrc(t, src)
		on, err := Generate(f, info, Options{Optimize: true})
		if err != nil {
			t.Fatal(err)
		}
		off, err := Generate(f, info, Options{Optimize: true, Disable: PassSet(PassRowData)})
		if err != nil {
			t.Fatal(err)
		}
		return on.WAT() != off.WAT()
	}
	if !changes(rowDataSrc) {
		t.Error("rowdata changes nothing in rowDataSrc")
	}
	for name, src := range map[string]string{
		"return": `def f(g: list[list[int]], m: int) -> int:
    total = 0
    for i in range(2):
        if i == m:
            return total
        for j in range(m):
            for k in range(len(g)):
                total = total + g[k][j]
    return total
`,
		"row stored": `def f(g: list[list[int]], m: int) -> int:
    total = 0
    for i in range(2):
        g[0] = [1, 2]
        for j in range(m):
            for k in range(len(g)):
                total = total + g[k][j]
    return total
`,
	} {
		if changes(src) {
			t.Errorf("%s: rowdata changed the module", name)
		}
	}
}

// rowHoistSrc holds loops that read a row m[r][k] with r fixed in the
// loop (pass rowhoist): the product as users write it (a[i][k], i of an
// outer loop), a row chosen by the caller (negative: from the end; out
// of range: IndexError, at the first turn only), and a loop that changes
// r (no hoisting).
const rowHoistSrc = `def product(n: int) -> int:
    a = []
    for i in range(n):
        row = [0] * n
        for j in range(n):
            row[j] = (i * 7 + j * 3) % 11
        a.append(row)
    total = 0
    for i in range(n):
        for j in range(n):
            s = 0
            for k in range(n):
                s = s + a[i][k] * a[k][j]
            total = total + s * (i + 1)
    return total

def rowsum(n: int, r: int, stop: int) -> int:
    m = []
    for i in range(n):
        row = [0] * (i + 1)
        for j in range(i + 1):
            row[j] = i * 10 + j
        m.append(row)
    total = 0
    for t in range(2):
        for k in range(stop):
            total = total + m[r][k]
    return total

def moving(n: int) -> int:
    m = []
    for i in range(n):
        m.append([i] * n)
    total = 0
    for t in range(2):
        r = 0
        for k in range(n):
            total = total + m[r][k]
            r = k
    return total
`

func TestRowHoistLoops(t *testing.T) {
	product := func(n int64) int64 {
		a := func(i, j int64) int64 { return (i*7 + j*3) % 11 }
		total := int64(0)
		for i := int64(0); i < n; i++ {
			for j := int64(0); j < n; j++ {
				s := int64(0)
				for k := int64(0); k < n; k++ {
					s += a(i, k) * a(k, j)
				}
				total += s * (i + 1)
			}
		}
		return total
	}
	// rowsum: row r (from the end when negative) holds r*10 + j for j <= r
	rowsum := func(n, r, stop int64) result {
		if r < 0 {
			r += n
		}
		if r < 0 || r >= n {
			if stop > 0 {
				return result{trap: "index"}
			}
			return result{val: int64(0)}
		}
		if stop > r+1 {
			return result{trap: "index"}
		}
		s := int64(0)
		for k := int64(0); k < stop; k++ {
			s += r*10 + k
		}
		return result{val: 2 * s}
	}
	moving := func(n int64) int64 {
		s := int64(0)
		for k := int64(0); k < n; k++ {
			s += max(k-1, 0)
		}
		return 2 * s
	}
	for _, opt := range []Options{{Optimize: true}, {Optimize: true, Disable: PassSet(PassRowHoist)}, {}} {
		in := instantiateSrc(t, rowHoistSrc, opt)
		for _, n := range []int64{0, 1, 5, 30} {
			if got := in.call("product", n); got.trap != "" || got.val.(int64) != product(n) {
				t.Errorf("product(%d) (passes %v): got %+v, want %d", n, opt.Passes(), got, product(n))
			}
			if got := in.call("moving", n); got.trap != "" || got.val.(int64) != moving(n) {
				t.Errorf("moving(%d) (passes %v): got %+v, want %d", n, opt.Passes(), got, moving(n))
			}
		}
		for _, c := range [][3]int64{{5, 2, 3}, {5, 2, 4}, {5, -1, 5}, {5, -5, 1}, {5, -6, 1}, {5, 5, 0}, {5, 5, 1}, {0, 0, 0}, {3, 1, -2}} {
			want := rowsum(c[0], c[1], c[2])
			if got := in.call("rowsum", c[0], c[1], c[2]); got != want {
				t.Errorf("rowsum%v (passes %v): got %+v, want %+v", c, opt.Passes(), got, want)
			}
		}
	}
	f, info := checkSrc(t, rowHoistSrc)
	on, err := Generate(f, info, Options{Optimize: true})
	if err != nil {
		t.Fatal(err)
	}
	off, err := Generate(f, info, Options{Optimize: true, Disable: PassSet(PassRowHoist)})
	if err != nil {
		t.Fatal(err)
	}
	if on.WAT() == off.WAT() {
		t.Error("rowhoist changes nothing in rowHoistSrc")
	}
}
