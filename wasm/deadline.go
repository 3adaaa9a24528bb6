package wasm

import (
	"sync"
	"time"
)

// EpochTick is how often the engine's epoch advances while a timed call
// runs: the resolution of time limits.
const EpochTick = time.Millisecond

// noDeadline mirrors ML_NO_DEADLINE of fastcall.h: the deadline, in ticks,
// of a store outside timed calls.
const noDeadline = uint64(1) << 62

// ticker advances the engine's epoch every EpochTick while at least one
// timed call runs; with none, no goroutine wakes up.
var ticker struct {
	sync.Mutex
	users int
	stop  chan struct{}
}

// AcquireTicker starts advancing the epoch (if it was not already) for a
// timed call; ReleaseTicker must follow when the call returns. C code that
// calls ml_fastcall_deadline brackets it with these two.
func AcquireTicker() {
	ticker.Lock()
	defer ticker.Unlock()
	ticker.users++
	if ticker.users == 1 {
		stop := make(chan struct{})
		ticker.stop = stop
		eng := engine()
		go func() {
			t := time.NewTicker(EpochTick)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					eng.IncrementEpoch()
				}
			}
		}()
	}
}

// ReleaseTicker undoes one AcquireTicker.
func ReleaseTicker() {
	ticker.Lock()
	defer ticker.Unlock()
	if ticker.users == 0 {
		return
	}
	ticker.users--
	if ticker.users == 0 {
		close(ticker.stop)
		ticker.stop = nil
	}
}

// DeadlineTicks converts a time limit to an epoch deadline in ticks: one
// more than the whole ticks in d, because the current tick may be nearly
// over. The call traps between d and d+EpochTick after it starts (later on
// a loaded machine). It is at least 1 and at most noDeadline-1.
func DeadlineTicks(d time.Duration) uint64 {
	if d <= 0 {
		return 1
	}
	n := uint64(d / EpochTick)
	if d%EpochTick != 0 {
		n++
	}
	if n >= noDeadline-1 {
		return noDeadline - 1
	}
	return n + 1
}
