//go:build cgo

package wasmgen

import (
	"strings"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"testing"
)

// BenchmarkStrHash runs the string hash of issue 18 over 1 MiB of ASCII
// and of mixed text, written into the module's memory once, with each of
// the passes it depends on switched off in turn (go test -bench StrHash).
func BenchmarkStrHash(b *testing.B) {
	texts := []struct{ name, s string }{
		{"ascii", strings.Repeat("the quick brown fox jumps over the lazy dog ", 1<<20/44+1)[:1<<20]},
		{"mixed", strings.Repeat("Grüße aus Köln, 東京 und 😀! ", 1<<20/32)},
	}
	opts := []struct {
		name string
		opt  Options
	}{
		{"all", Options{Optimize: true}},
		{"base", Options{}},
		{"no-strchars", Options{Optimize: true, Disable: PassSet(PassStrChars)}},
		{"no-carried", Options{Optimize: true, Disable: PassSet(PassCarried)}},
		{"no-mulconst", Options{Optimize: true, Disable: PassSet(PassMulConst)}},
		{"no-carried-mulconst", Options{Optimize: true, Disable: PassSet(PassCarried | PassMulConst)}},
	}
	for _, tx := range texts {
		for _, o := range opts {
			b.Run(tx.name+"/"+o.name, func(b *testing.B) {
				t := &testing.T{}
				si := newStrCaller(instantiateSrc(t, strLoopSrc, o.opt))
				si.t = t
				f := si.inst.GetFunc(si.store, "str_hash")
				reset := si.inst.GetFunc(si.store, abi.ResetExport)
				want := refHash(tx.s, 31, 1<<32)
				cps := []rune(tx.s)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					// the arena is the callee's after a call: the
					// string is written again before each (untimed)
					b.StopTimer()
					if _, err := reset.Call(si.store); err != nil {
						b.Fatal(err)
					}
					addr := si.put(cps)
					b.StartTimer()
					r, err := f.Call(si.store, addr)
					if err != nil || r.(int64) != want {
						b.Fatalf("str_hash = %v, %v; want %d", r, err, want)
					}
				}
			})
		}
	}
}
