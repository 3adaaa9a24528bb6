//go:build cgo

package wasmgen

import (
	"errors"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// longRunning are functions that would run for hours, each reaching the
// interrupt check a different way (interrupt.go). In after and up an
// earlier check loads the word before the loop: with a plain load,
// Cranelift would reuse that value in the loop (nothing stores between).
const longRunning = `def spin(n: int) -> int:
    s = 0
    while True:
        s = s + n
    return s

def count(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i % 7
    return s

def down(n: int) -> int:
    s = 0
    for i in range(n, -n, -3):
        s = s + i % 5
    return s

def stepped(n: int, k: int) -> int:
    s = 0
    for i in range(0, n, k):
        s = s + 1
    return s

def heavy(n: int) -> int:
    s = 0
    for i in range(n):
        xs = [i]
        xs.append(i)
        s = s + len(xs)
        if len(xs) > 5:
            break
    return s

def after(n: int) -> int:
    s = 0
    while s < 10:
        s = s + 1
    while True:
        s = s + n
    return s

def walk(n: int) -> int:
    xs = [1, 2, 3]
    s = 0
    while s >= 0:
        for x in xs:
            s = s + x
        s = s % 1000
    return s

def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def up(n: int) -> int:
    if n == 0:
        return 0
    return 1 + up(n + 1)

def even(n: int) -> int:
    if n < 2:
        return n
    return odd(n - 1) + odd(n - 2)

def odd(n: int) -> int:
    if n < 2:
        return n
    return even(n - 1) * 1 + even(n - 2)
`

// memWord returns a pointer to the interrupt word of in's memory. Taken
// before a call, it may be written from another goroutine during it, as
// the runtime's signal handler does (memories do not move in our engines).
func memWord(t *testing.T, in *instance) *int32 {
	ext := in.inst.GetExport(in.store, abi.MemoryExport)
	if ext == nil || ext.Memory() == nil {
		t.Fatal("no memory")
	}
	data := ext.Memory().UnsafeData(in.store)
	return (*int32)(unsafe.Pointer(&data[abi.InterruptAddr]))
}

// TestInterruptStopsLongCalls runs each long function, sets the interrupt
// word after a while from another goroutine, and expects the trap with
// ErrInterrupt soon after; the instance then works again once the word is
// cleared.
func TestInterruptStopsLongCalls(t *testing.T) {
	f := parseEn(t, longRunning)
	for _, opt := range []Options{{}, {Optimize: true}} {
		in := compile(t, f, opt)
		word := memWord(t, in)
		cases := []struct {
			name string
			args []any
		}{
			{"spin", []any{int64(1)}},
			{"count", []any{int64(1) << 62}},
			{"down", []any{int64(1) << 61}},
			{"stepped", []any{int64(1) << 62, int64(1)}},
			{"heavy", []any{int64(1) << 62}},
			{"after", []any{int64(1)}},
			{"walk", []any{int64(0)}},
			{"fib", []any{int64(80)}},
			{"up", []any{int64(1)}},
			{"even", []any{int64(80)}},
		}
		for _, c := range cases {
			if c.name == "up" && !opt.Optimize {
				continue // without the tail call transformation the stack runs out first
			}
			atomic.StoreInt32(word, 0)
			fn := in.inst.GetFunc(in.store, c.name)
			done := make(chan error, 1)
			go func() {
				_, err := fn.Call(in.store, c.args...)
				done <- err
			}()
			time.Sleep(20 * time.Millisecond)
			set := time.Now()
			atomic.StoreInt32(word, 1)
			select {
			case err := <-done:
				var trap *wasmtime.Trap
				if !errors.As(err, &trap) || trap.Code() == nil || *trap.Code() != wasmtime.UnreachableCodeReached {
					t.Fatalf("opt=%v %s: %v, want the interrupt trap", opt.Optimize, c.name, err)
				}
				code, err := in.inst.GetFunc(in.store, abi.ErrorExport).Call(in.store)
				if err != nil || code.(int32) != int32(abi.ErrInterrupt) {
					t.Errorf("opt=%v %s: error code %v, %v; want ErrInterrupt", opt.Optimize, c.name, code, err)
				}
				if d := time.Since(set); d > time.Second {
					t.Errorf("opt=%v %s: stopped %v after the word was set", opt.Optimize, c.name, d)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("opt=%v %s: not stopped 10 s after the word was set", opt.Optimize, c.name)
			}
		}
		atomic.StoreInt32(word, 0)
		if got := in.call("fib", int64(20)); got.val != int64(6765) {
			t.Errorf("opt=%v: fib(20) after the interruptions = %+v", opt.Optimize, got)
		}
		if got := in.call("stepped", int64(10), int64(3)); got.val != int64(4) {
			t.Errorf("opt=%v: stepped(10, 3) = %+v", opt.Optimize, got)
		}
	}
}

// checksIn counts the interrupt checks in the WAT body of function name.
func checksIn(t *testing.T, wat, name string) int {
	t.Helper()
	start := strings.Index(wat, "(func $"+name+" ")
	if start < 0 {
		t.Fatalf("no function %s in\n%s", name, wat)
	}
	body := wat[start+1:]
	if end := strings.Index(body, "(func "); end >= 0 {
		body = body[:end]
	}
	return len(regexp.MustCompile(`i32\.const 0\s+i32\.atomic\.load offset=8\s`).FindAllString(body, -1))
}

// TestInterruptCheckPlacement: checks go where a call could run long and
// nowhere else.
func TestInterruptCheckPlacement(t *testing.T) {
	src := `def short(n: int) -> int:
    s = 0
    for i in range(3):
        for j in range(10, 0, -1):
            s = s + i * j + n
    return s

def flat(a: int, b: int) -> int:
    return a * b + 1

def caller(n: int) -> int:
    return flat(n, n) + loop(n)

def loop(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i
    return s

def ping(n: int) -> int:
    if n <= 0:
        return 0
    return pong(n - 1) * 2

def pong(n: int) -> int:
    return ping(n - 1) * 3
`
	for _, opt := range []Options{{}, {Optimize: true}} {
		wat := watOf(t, src, opt)
		if !strings.Contains(wat, `(global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))`) {
			t.Errorf("no %s export:\n%s", abi.InterruptExport, wat)
		}
		for name, want := range map[string]int{"short": 0, "flat": 0, "caller": 0, "loop": 1, "ping": 1, "pong": 1} {
			if got := checksIn(t, wat, name); got != want {
				t.Errorf("opt=%v: %d checks in %s, want %d", opt.Optimize, got, name, want)
			}
		}
	}
}

// TestChunkedRanges compares range loops split in chunks with Go's
// iteration of the same ranges: constant and variable steps of either
// sign, steps too large to chunk, bounds near the ends of i64, and break
// and continue in the body.
func TestChunkedRanges(t *testing.T) {
	src := `def total(a: int, b: int, k: int) -> int:
    s = 0
    c = 0
    for i in range(a, b, k):
        c = c + 1
        if i % 11 == 3:
            continue
        s = s + i % 1000
        if c == 5000:
            break
    return s * 10000 + c

def up7(a: int, b: int) -> int:
    c = 0
    for i in range(a, b, 7):
        c = c + 1
    return c

def downbig(a: int, b: int) -> int:
    c = 0
    for i in range(a, b, -1152921504606846976):
        c = c + 1
    return c
`
	want := func(a, b, k int64) int64 {
		var s, c int64
		for i := a; (k > 0 && i < b) || (k < 0 && i > b); {
			c++
			if ((i%11)+11)%11 != 3 { // else continue, past the break test
				s += ((i % 1000) + 1000) % 1000
				if c == 5000 {
					break
				}
			}
			next := i + k
			if (k > 0 && next < i) || (k < 0 && next > i) {
				break // past the end of i64: past stop too
			}
			i = next
		}
		return s*10000 + c
	}
	count := func(a, b, k int64) int64 {
		var c int64
		for i := a; (k > 0 && i < b) || (k < 0 && i > b); {
			c++
			next := i + k
			if (k > 0 && next < i) || (k < 0 && next > i) {
				break
			}
			i = next
		}
		return c
	}
	const max, minI = int64(^uint64(0) >> 1), -int64(^uint64(0)>>1) - 1
	f := parseEn(t, src)
	for _, opt := range optionSets() {
		in := compile(t, f, opt, "total", "up7", "downbig")
		for _, c := range [][3]int64{
			{0, 3000, 1}, {0, 3000, 2}, {-5000, 5000, 3}, {3000, -3000, -1}, {3000, -3000, -7},
			{0, 1024, 1}, {0, 1025, 1}, {0, 2048, 1}, {0, 100000, 1}, {5, 5, 1}, {5, 4, 1},
			{max - 3000, max, 1}, {max - 3000, max, 1 << 40}, {minI + 3000, minI, -1},
			{minI, max, 1 << 61}, {max, minI, -(1 << 61)}, {0, max, max}, {max - 1, minI, minI},
		} {
			if got := in.call("total", c[0], c[1], c[2]); got.trap != "" || got.val != want(c[0], c[1], c[2]) {
				t.Errorf("opt=%v total%v = %+v, want %d", opt.Passes(), c, got, want(c[0], c[1], c[2]))
			}
		}
		for _, c := range [][2]int64{{0, 10000}, {-3, 7168}, {max - 10000, max}, {0, 7 * 1024}, {0, 7*1024 + 1}} {
			if got := in.call("up7", c[0], c[1]); got.trap != "" || got.val != count(c[0], c[1], 7) {
				t.Errorf("opt=%v up7%v = %+v, want %d", opt.Optimize, c, got, count(c[0], c[1], 7))
			}
		}
		for _, c := range [][2]int64{{max, minI}, {0, minI}, {max, 0}} {
			if got := in.call("downbig", c[0], c[1]); got.trap != "" || got.val != count(c[0], c[1], -1<<60) {
				t.Errorf("opt=%v downbig%v = %+v, want %d", opt.Optimize, c, got, count(c[0], c[1], -1<<60))
			}
		}
	}
}
