package fallback

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

func TestHangProbe(t *testing.T) {
	var seeds []string
	for _, p := range []string{"testdata/*.ml", "../core/parser/testdata/same/*.ml"} {
		fs, _ := filepath.Glob(p)
		for _, f := range fs {
			b, _ := os.ReadFile(f)
			seeds = append(seeds, string(b))
		}
	}
	rng := rand.New(rand.NewSource(2))
	l, _ := lang.Get("en")
	for n := 0; n < 300000; n++ {
		b := []byte(seeds[rng.Intn(len(seeds))])
		for k := 0; k < 1+rng.Intn(4); k++ {
			i := rng.Intn(len(b))
			switch rng.Intn(3) {
			case 0:
				b[i] = byte(rng.Intn(128))
			case 1:
				b = append(b[:i], b[i+1:]...)
			case 2:
				j := rng.Intn(len(b))
				b = append(b[:i], append([]byte{b[j]}, b[i:]...)...)
			}
		}
		src := string(b)
		done := make(chan string, 1)
		go func() {
			f, errs := parser.ParseFile("x.ml", src, l)
			if len(errs) == 0 {
				info, errs := check.Check(f, l)
				if len(errs) == 0 {
					Generate(f, info)
				}
			}
			done <- ""
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			os.WriteFile("/tmp/slow.ml", b, 0o644)
			panic(fmt.Sprint("hang at ", n))
		}
	}
}
