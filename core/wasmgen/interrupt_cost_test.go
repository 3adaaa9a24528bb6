//go:build cgo && linux

package wasmgen

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time of the calling thread.
func threadCPU() time.Duration {
	var ts syscall.Timespec
	// CLOCK_THREAD_CPUTIME_ID = 3
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}

// TestInterruptCost measures what the interrupt checks cost the benchmark
// kernels (MLBENCH_INTERRUPT=rounds to run it; MLBENCH_AA=1 compiles both
// copies without checks, to see the noise; MLBENCH_DIST=1 prints
// percentiles): each kernel is compiled
// with and without the checks, and calls alternate between the two (each
// first in turn), each timed by the thread's CPU time, so that a loaded machine slows both
// alike; the minimum and the median of each are reported.
func TestInterruptCost(t *testing.T) {
	rounds := 0
	fmt.Sscan(os.Getenv("MLBENCH_INTERRUPT"), &rounds)
	if rounds == 0 {
		t.Skip("set MLBENCH_INTERRUPT=rounds to measure")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer func() { interruptChecks = true }()
	for _, k := range kernels {
		interruptChecks = false
		storeOff, fnOff := kernel(t, k.name)
		interruptChecks = os.Getenv("MLBENCH_AA") == ""
		storeOn, fnOn := kernel(t, k.name)
		var off, on []time.Duration
		for r := 0; r < rounds; r++ {
			for _, v := range []bool{r%2 == 0, r%2 == 1} { // each first in turn
				store, fn := storeOff, fnOff
				if v {
					store, fn = storeOn, fnOn
				}
				start := threadCPU()
				got, err := fn.Call(store, k.arg)
				d := threadCPU() - start
				if err != nil || got != k.want {
					t.Fatalf("%s: %v, %v", k.name, got, err)
				}
				if v {
					on = append(on, d)
				} else {
					off = append(off, d)
				}
			}
		}
		sort.Slice(off, func(i, j int) bool { return off[i] < off[j] })
		sort.Slice(on, func(i, j int) bool { return on[i] < on[j] })
		pct := func(a, b time.Duration) float64 { return (float64(b)/float64(a) - 1) * 100 }
		if os.Getenv("MLBENCH_DIST") != "" {
			for _, q := range []int{0, 10, 25, 50, 75, 90} {
				t.Logf("%s p%d: %.3f %.3f", k.name, q, float64(off[len(off)*q/100])/1e6, float64(on[len(on)*q/100])/1e6)
			}
		}
		t.Logf("%-10s min %8.3f -> %8.3f ms (%+5.1f%%)   median %8.3f -> %8.3f ms (%+5.1f%%)", k.name,
			float64(off[0])/1e6, float64(on[0])/1e6, pct(off[0], on[0]),
			float64(off[len(off)/2])/1e6, float64(on[len(on)/2])/1e6, pct(off[len(off)/2], on[len(on)/2]))
	}
}
