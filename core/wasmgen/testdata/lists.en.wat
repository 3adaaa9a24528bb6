(module
  (memory (export "memory") 1)
  (global $__ml_error_code (mut i32) (i32.const 0))
  (global $__ml_heap (mut i32) (i32.const 16))
  (global $__ml_argtop (mut i32) (i32.const 16))
  (global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))
  (func $build.impl (param $n i64) (result i64)
    (local $a i32)
    (local $i i64)
    (local $s i64)
    (local $x i64)
    (local $sum.1 i64)
    (local $comp.2 i64)
    (local $tmp.i32.7 i32)
    (local $tmp.i64.8 i64)
    (local $tmp.i64.9 i64)
    (local $tmp.i64.10 i64)
    (local $tmp.i32.11 i32)
    (local $tmp.i64.12 i64)
    (local $tmp.i64.13 i64)
    (local $tmp.i64.14 i64)
    (local $tmp.i64.15 i64)
    i64.const 0
    call $__ml_list
    local.set $tmp.i32.7
    local.get $tmp.i32.7
    local.set $a
    i64.const 0
    local.set $tmp.i64.8
    local.get $n
    local.set $tmp.i64.9
    block
      local.get $tmp.i64.8
      local.get $tmp.i64.9
      i64.ge_s
      br_if 0
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.8
        i64.const 1024
        i64.add
        local.get $tmp.i64.9
        local.get $tmp.i64.9
        local.get $tmp.i64.8
        i64.sub
        i64.const 1024
        i64.gt_u
        select
        local.tee $tmp.i64.10
        local.get $tmp.i64.8
        i64.le_s
        br_if 1
        block
          loop
            local.get $tmp.i64.8
            local.get $tmp.i64.10
            i64.ge_s
            br_if 1
            local.get $tmp.i64.8
            local.set $i
            block
              local.get $a
              local.set $tmp.i32.7
              local.get $i
              local.get $i
              local.set $tmp.i64.14
              local.set $tmp.i64.13
              local.get $tmp.i64.13
              local.get $tmp.i64.14
              i64.mul
              local.set $tmp.i64.15
              local.get $tmp.i64.13
              local.get $tmp.i64.14
              i64.or
              i64.const 31
              i64.shr_u
              i64.const 0
              i64.ne
              if
                local.get $tmp.i64.13
                i64.const 0
                i64.ne
                if
                  local.get $tmp.i64.15
                  local.get $tmp.i64.13
                  i64.div_s
                  local.get $tmp.i64.14
                  i64.ne
                  if
                    i32.const 1
                    global.set $__ml_error_code
                    unreachable
                  end
                end
              end
              local.get $tmp.i64.15
              local.set $tmp.i64.12
              local.get $tmp.i32.7
              i32.load
              local.tee $tmp.i32.11
              local.get $tmp.i32.7
              i32.load offset=4
              i32.eq
              if
                local.get $tmp.i32.7
                call $__ml_grow
              end
              local.get $tmp.i32.7
              local.get $tmp.i32.11
              i32.const 1
              i32.add
              i32.store
              local.get $tmp.i32.7
              i32.load offset=8
              local.get $tmp.i32.11
              i32.const 3
              i32.shl
              i32.add
              local.get $tmp.i64.12
              i64.store
            end
            local.get $tmp.i64.8
            i64.const 1
            i64.add
            local.set $tmp.i64.8
            br 0
          end
        end
        local.get $tmp.i64.8
        local.get $tmp.i64.9
        i64.ge_s
        br_if 1
        br 0
      end
    end
    i64.const -1
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $tmp.i64.8
    i64.const 63
    i64.shr_s
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.and
    i64.add
    local.set $tmp.i64.10
    local.get $tmp.i64.10
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $a
    i32.load offset=8
    local.get $tmp.i64.10
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i64.load
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.add
    local.tee $tmp.i64.8
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.8
    local.set $tmp.i64.9
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $a
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.i64.9
    i64.store
    local.get $a
    local.set $tmp.i32.11
    i64.const 1
    local.set $tmp.i64.9
    local.get $tmp.i64.9
    local.get $tmp.i32.11
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.11
    i32.load offset=8
    local.get $tmp.i64.9
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i64.load
    i64.const 5
    drop
    local.tee $tmp.i64.10
    i64.const 9223372036854775802
    i64.gt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.10
    i64.const 5
    i64.add
    local.set $tmp.i64.8
    local.get $tmp.i64.9
    local.get $tmp.i32.11
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.11
    i32.load offset=8
    local.get $tmp.i64.9
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.i64.8
    i64.store
    i64.const 0
    local.set $s
    local.get $a
    local.set $tmp.i32.11
    local.get $tmp.i32.11
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.9
    local.get $tmp.i32.11
    i32.load offset=8
    local.set $tmp.i32.7
    i64.const 0
    local.set $tmp.i64.8
    block
      local.get $tmp.i64.8
      local.get $tmp.i64.9
      i64.ge_s
      br_if 0
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.8
        i64.const 1024
        i64.add
        local.get $tmp.i64.9
        local.get $tmp.i64.9
        local.get $tmp.i64.8
        i64.sub
        i64.const 1024
        i64.gt_u
        select
        local.tee $tmp.i64.10
        local.get $tmp.i64.8
        i64.le_s
        br_if 1
        block
          loop
            local.get $tmp.i64.8
            local.get $tmp.i64.10
            i64.ge_s
            br_if 1
            local.get $tmp.i32.7
            local.get $tmp.i64.8
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $x
            block
              local.get $s
              local.get $x
              i64.add
              local.tee $tmp.i64.12
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.12
              local.set $s
            end
            local.get $tmp.i64.8
            i64.const 1
            i64.add
            local.set $tmp.i64.8
            local.get $tmp.i64.8
            local.get $tmp.i64.10
            i64.ge_s
            br_if 1
            local.get $tmp.i32.7
            local.get $tmp.i64.8
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $x
            block
              local.get $s
              local.get $x
              i64.add
              local.tee $tmp.i64.12
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.12
              local.set $s
            end
            local.get $tmp.i64.8
            i64.const 1
            i64.add
            local.set $tmp.i64.8
            br 0
          end
        end
        local.get $tmp.i64.8
        local.get $tmp.i64.9
        i64.ge_s
        br_if 1
        br 0
      end
    end
    i64.const 0
    local.set $sum.1
    local.get $a
    local.set $tmp.i32.11
    local.get $tmp.i32.11
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.8
    local.get $tmp.i32.11
    i32.load offset=8
    local.set $tmp.i32.7
    i64.const 0
    local.set $tmp.i64.9
    block
      local.get $tmp.i64.9
      local.get $tmp.i64.8
      i64.ge_s
      br_if 0
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.9
        i64.const 1024
        i64.add
        local.get $tmp.i64.8
        local.get $tmp.i64.8
        local.get $tmp.i64.9
        i64.sub
        i64.const 1024
        i64.gt_u
        select
        local.tee $tmp.i64.10
        local.get $tmp.i64.9
        i64.le_s
        br_if 1
        block
          loop
            local.get $tmp.i64.9
            local.get $tmp.i64.10
            i64.ge_s
            br_if 1
            local.get $tmp.i32.7
            local.get $tmp.i64.9
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $comp.2
            block
              local.get $sum.1
              local.get $comp.2
              i64.add
              local.tee $tmp.i64.12
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.12
              local.set $sum.1
            end
            local.get $tmp.i64.9
            i64.const 1
            i64.add
            local.set $tmp.i64.9
            local.get $tmp.i64.9
            local.get $tmp.i64.10
            i64.ge_s
            br_if 1
            local.get $tmp.i32.7
            local.get $tmp.i64.9
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $comp.2
            block
              local.get $sum.1
              local.get $comp.2
              i64.add
              local.tee $tmp.i64.12
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.12
              local.set $sum.1
            end
            local.get $tmp.i64.9
            i64.const 1
            i64.add
            local.set $tmp.i64.9
            br 0
          end
        end
        local.get $tmp.i64.9
        local.get $tmp.i64.8
        i64.ge_s
        br_if 1
        br 0
      end
    end
    local.get $s
    local.get $sum.1
    i64.const 1000
    drop
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    i64.const 9223372036854775
    i64.gt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.8
    i64.const 1000
    i64.mul
    i64.add
    local.tee $tmp.i64.8
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.8
    return
    unreachable
  )
  (func $grid.impl (param $n i64) (result f64)
    (local $m i32)
    (local $b i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.f64.7 f64)
    (local $tmp.i64.8 i64)
    (local $tmp.f64.9 f64)
    (local $tmp.f64.10 f64)
    i64.const 1
    call $__ml_list
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    i64.const 1
    call $__ml_list
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i32.load offset=8
    local.set $tmp.i32.6
    local.get $tmp.i32.6
    f64.const 0.5
    f64.store
    local.get $tmp.i32.5
    local.get $n
    call $__ml_repeat
    i64.extend_i32_u
    i64.store
    local.get $tmp.i32.3
    i64.const 2
    call $__ml_repeat
    local.set $m
    f64.const 2.0
    local.set $tmp.f64.7
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $m
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $m
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    local.set $tmp.i32.3
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $tmp.i32.3
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.3
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.f64.7
    f64.store
    i64.const 2
    call $__ml_list
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    i64.const 2
    call $__ml_list
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i32.load offset=8
    local.set $tmp.i32.6
    local.get $tmp.i32.6
    f64.const 1.5
    f64.store
    local.get $tmp.i32.6
    f64.const 2.5
    f64.store offset=8
    local.get $tmp.i32.5
    i64.extend_i32_u
    i64.store
    local.get $tmp.i32.4
    i64.const 0
    call $__ml_list
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i64.extend_i32_u
    i64.store offset=8
    local.get $tmp.i32.3
    local.set $b
    i64.const 1
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $b
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $b
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    local.set $tmp.i32.3
    i64.const 1
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $m
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $m
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    local.set $tmp.i32.5
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $tmp.i32.5
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.5
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    f64.load
    local.set $tmp.f64.7
    local.get $tmp.i32.3
    i32.load
    local.tee $tmp.i32.4
    local.get $tmp.i32.3
    i32.load offset=4
    i32.eq
    if
      local.get $tmp.i32.3
      call $__ml_grow
    end
    local.get $tmp.i32.3
    local.get $tmp.i32.4
    i32.const 1
    i32.add
    i32.store
    local.get $tmp.i32.3
    i32.load offset=8
    local.get $tmp.i32.4
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.f64.7
    f64.store
    i64.const 1
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $b
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $b
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    local.set $tmp.i32.4
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $tmp.i32.4
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.4
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    f64.load
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $b
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $b
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    i64.const -1
    call $__ml_pop
    f64.reinterpret_i64
    f64.add
    i64.const 0
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $m
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $m
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    local.tee $tmp.i32.4
    i32.load
    i32.eqz
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.4
    i32.load offset=8
    f64.load
    local.set $tmp.f64.7
    i32.const 1
    local.set $tmp.i32.3
    block
      loop
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.load
        i32.ge_u
        br_if 1
        local.get $tmp.i32.4
        i32.load offset=8
        local.get $tmp.i32.3
        i32.const 3
        i32.shl
        i32.add
        f64.load
        local.set $tmp.f64.10
        local.get $tmp.i32.3
        i32.const 1
        i32.add
        local.set $tmp.i32.3
        block
          local.get $tmp.f64.10
          local.tee $tmp.f64.9
          local.get $tmp.f64.7
          local.get $tmp.f64.9
          local.get $tmp.f64.7
          f64.gt
          select
          local.set $tmp.f64.7
        end
        br 0
      end
    end
    local.get $tmp.f64.7
    f64.add
    i64.const 2
    call $__ml_list
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    f64.const 3.0
    f64.store
    local.get $tmp.i32.5
    f64.const -1.0
    f64.store offset=8
    local.get $tmp.i32.3
    local.tee $tmp.i32.4
    i32.load
    i32.eqz
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.4
    i32.load offset=8
    f64.load
    local.set $tmp.f64.9
    i32.const 1
    local.set $tmp.i32.3
    block
      loop
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.load
        i32.ge_u
        br_if 1
        local.get $tmp.i32.4
        i32.load offset=8
        local.get $tmp.i32.3
        i32.const 3
        i32.shl
        i32.add
        f64.load
        local.set $tmp.f64.10
        local.get $tmp.i32.3
        i32.const 1
        i32.add
        local.set $tmp.i32.3
        block
          local.get $tmp.f64.10
          local.tee $tmp.f64.7
          local.get $tmp.f64.9
          local.get $tmp.f64.7
          local.get $tmp.f64.9
          f64.lt
          select
          local.set $tmp.f64.9
        end
        br 0
      end
    end
    local.get $tmp.f64.9
    f64.sub
    return
    unreachable
  )
  (func $pops.impl (param $n i64) (result i64)
    (local $a i32)
    (local $first i64)
    (local $last i64)
    (local $mid i64)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i64.7 i64)
    (local $tmp.i32.8 i32)
    (local $tmp.i64.9 i64)
    (local $tmp.i64.10 i64)
    i64.const 4
    call $__ml_list
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i32.load offset=8
    local.set $tmp.i32.6
    local.get $tmp.i32.6
    i64.const 1
    i64.store
    local.get $tmp.i32.6
    i64.const 2
    i64.store offset=8
    local.get $tmp.i32.6
    i64.const 3
    i64.store offset=16
    local.get $tmp.i32.6
    i64.const 4
    i64.store offset=24
    local.get $tmp.i32.5
    i64.const 1
    call $__ml_list
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i32.load offset=8
    local.set $tmp.i32.6
    local.get $tmp.i32.6
    i64.const 5
    i64.store
    local.get $tmp.i32.5
    call $__ml_concat
    local.set $a
    local.get $a
    i64.const 0
    call $__ml_pop
    local.set $first
    local.get $a
    i64.const -1
    call $__ml_pop
    local.set $last
    local.get $a
    i64.const -2
    call $__ml_pop
    local.set $mid
    block
      i64.const 2
      local.set $tmp.i64.7
      local.get $a
      local.set $tmp.i32.5
      i32.const 0
      local.set $tmp.i32.6
      i32.const 0
      local.set $tmp.i32.8
      block
        loop
          local.get $tmp.i32.8
          local.get $tmp.i32.5
          i32.load
          i32.ge_u
          br_if 1
          local.get $tmp.i32.5
          i32.load offset=8
          local.get $tmp.i32.8
          i32.const 3
          i32.shl
          i32.add
          i64.load
          local.set $tmp.i64.9
          local.get $tmp.i32.8
          i32.const 1
          i32.add
          local.set $tmp.i32.8
          block
            local.get $tmp.i64.9
            local.tee $tmp.i64.10
            local.get $tmp.i64.7
            i64.eq
            if
              i32.const 1
              local.set $tmp.i32.6
              br 3
            end
          end
          br 0
        end
      end
      local.get $tmp.i32.6
      i32.eqz
      br_if 0
      i64.const 9
      local.set $tmp.i64.7
      local.get $a
      local.set $tmp.i32.6
      i32.const 0
      local.set $tmp.i32.5
      i32.const 0
      local.set $tmp.i32.8
      block
        loop
          local.get $tmp.i32.8
          local.get $tmp.i32.6
          i32.load
          i32.ge_u
          br_if 1
          local.get $tmp.i32.6
          i32.load offset=8
          local.get $tmp.i32.8
          i32.const 3
          i32.shl
          i32.add
          i64.load
          local.set $tmp.i64.9
          local.get $tmp.i32.8
          i32.const 1
          i32.add
          local.set $tmp.i32.8
          block
            local.get $tmp.i64.9
            local.tee $tmp.i64.10
            local.get $tmp.i64.7
            i64.eq
            if
              i32.const 1
              local.set $tmp.i32.5
              br 3
            end
          end
          br 0
        end
      end
      local.get $tmp.i32.5
      i32.eqz
      i32.eqz
      br_if 0
      i64.const 3
      local.set $tmp.i64.7
      local.get $a
      local.set $tmp.i32.5
      i32.const 0
      local.set $tmp.i32.6
      i32.const 0
      local.set $tmp.i32.8
      block
        loop
          local.get $tmp.i32.8
          local.get $tmp.i32.5
          i32.load
          i32.ge_u
          br_if 1
          local.get $tmp.i32.5
          i32.load offset=8
          local.get $tmp.i32.8
          i32.const 3
          i32.shl
          i32.add
          i64.load
          local.set $tmp.i64.9
          local.get $tmp.i32.8
          i32.const 1
          i32.add
          local.set $tmp.i32.8
          block
            local.get $tmp.i64.9
            local.tee $tmp.i64.10
            local.get $tmp.i64.7
            i64.eq
            if
              i32.const 1
              local.set $tmp.i32.6
              br 3
            end
          end
          br 0
        end
      end
      local.get $tmp.i32.6
      br_if 0
      local.get $first
      i64.const 100
      drop
      local.set $tmp.i64.7
      local.get $tmp.i64.7
      i64.const -92233720368547758
      i64.sub
      i64.const 184467440737095516
      i64.gt_u
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.7
      i64.const 100
      i64.mul
      local.get $last
      i64.const 10
      drop
      local.set $tmp.i64.7
      local.get $tmp.i64.7
      i64.const -922337203685477580
      i64.sub
      i64.const 1844674407370955160
      i64.gt_u
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.7
      i64.const 10
      i64.mul
      local.set $tmp.i64.9
      local.tee $tmp.i64.7
      local.get $tmp.i64.9
      i64.add
      local.set $tmp.i64.10
      local.get $tmp.i64.7
      local.get $tmp.i64.10
      i64.xor
      local.get $tmp.i64.9
      local.get $tmp.i64.10
      i64.xor
      i64.and
      i64.const 0
      i64.lt_s
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.10
      local.get $mid
      local.set $tmp.i64.9
      local.tee $tmp.i64.10
      local.get $tmp.i64.9
      i64.add
      local.set $tmp.i64.7
      local.get $tmp.i64.10
      local.get $tmp.i64.7
      i64.xor
      local.get $tmp.i64.9
      local.get $tmp.i64.7
      i64.xor
      i64.and
      i64.const 0
      i64.lt_s
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.7
      local.get $a
      i32.load
      i64.extend_i32_u
      i64.const 1000
      i64.mul
      local.set $tmp.i64.9
      local.tee $tmp.i64.7
      local.get $tmp.i64.9
      i64.add
      local.tee $tmp.i64.10
      local.get $tmp.i64.7
      i64.lt_s
      if
        i32.const 1
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i64.10
      return
    end
    i64.const -1
    return
    unreachable
  )
  (func $bad.impl (param $i i64) (result i64)
    (local $a i32)
    (local $tmp.i32.2 i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i64.4 i64)
    i64.const 3
    call $__ml_list
    local.set $tmp.i32.2
    local.get $tmp.i32.2
    i32.load offset=8
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i64.const 10
    i64.store
    local.get $tmp.i32.3
    i64.const 20
    i64.store offset=8
    local.get $tmp.i32.3
    i64.const 30
    i64.store offset=16
    local.get $tmp.i32.2
    local.set $a
    local.get $i
    local.get $i
    i64.const 63
    i64.shr_s
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.and
    i64.add
    local.set $tmp.i64.4
    local.get $tmp.i64.4
    local.get $a
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $a
    i32.load offset=8
    local.get $tmp.i64.4
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i64.load
    return
    unreachable
  )
  (func $empty.impl (param $n i64) (result i64)
    (local $a i32)
    (local $tmp.i32.2 i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i64.4 i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i64.6 i64)
    i64.const 1
    call $__ml_list
    local.set $tmp.i32.2
    local.get $tmp.i32.2
    i32.load offset=8
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i64.const 1
    i64.store
    local.get $tmp.i32.2
    local.get $n
    call $__ml_repeat
    local.set $a
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $a
        i32.load
        i32.const 0
        i32.ne
        i32.eqz
        br_if 1
        local.get $a
        i64.const -1
        call $__ml_pop
        drop
        br 0
      end
    end
    local.get $a
    local.tee $tmp.i32.2
    i32.load
    i32.eqz
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i32.2
    i32.load offset=8
    i64.load
    local.set $tmp.i64.4
    i32.const 1
    local.set $tmp.i32.3
    block
      loop
        local.get $tmp.i32.3
        local.get $tmp.i32.2
        i32.load
        i32.ge_u
        br_if 1
        local.get $tmp.i32.2
        i32.load offset=8
        local.get $tmp.i32.3
        i32.const 3
        i32.shl
        i32.add
        i64.load
        local.set $tmp.i64.6
        local.get $tmp.i32.3
        i32.const 1
        i32.add
        local.set $tmp.i32.3
        block
          local.get $tmp.i64.6
          local.tee $tmp.i64.5
          local.get $tmp.i64.4
          local.get $tmp.i64.5
          local.get $tmp.i64.4
          i64.gt_s
          select
          local.set $tmp.i64.4
        end
        br 0
      end
    end
    local.get $tmp.i64.4
    return
    unreachable
  )
  (func $bools.impl (param $n i64) (result i64)
    (local $flags i32)
    (local $sum.1 i64)
    (local $comp.2 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i64.6 i64)
    (local $tmp.i64.7 i64)
    (local $tmp.i64.8 i64)
    (local $tmp.i64.9 i64)
    i64.const 2
    call $__ml_list_b
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    i32.load offset=8
    local.set $tmp.i32.5
    local.get $tmp.i32.5
    i32.const 1
    i32.store8
    local.get $tmp.i32.5
    i32.const 0
    i32.store8 offset=1
    local.get $tmp.i32.4
    local.get $n
    call $__ml_repeat_b
    local.set $flags
    i64.const 0
    local.set $sum.1
    local.get $flags
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.7
    local.get $tmp.i32.4
    i32.load offset=8
    local.set $tmp.i32.5
    i64.const 0
    local.set $tmp.i64.6
    local.get $sum.1
    local.get $sum.1
    i64.const 63
    i64.shr_s
    i64.xor
    i64.const 2305843009213693952
    i64.le_u
    if
      block
        local.get $tmp.i64.6
        local.get $tmp.i64.7
        i64.ge_s
        br_if 0
        loop
          i32.const 0
          i32.atomic.load offset=8
          if
            i32.const 9
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.6
          i64.const 1024
          i64.add
          local.get $tmp.i64.7
          local.get $tmp.i64.7
          local.get $tmp.i64.6
          i64.sub
          i64.const 1024
          i64.gt_u
          select
          local.tee $tmp.i64.8
          local.get $tmp.i64.6
          i64.le_s
          br_if 1
          block
            loop
              local.get $tmp.i64.6
              local.get $tmp.i64.8
              i64.ge_s
              br_if 1
              local.get $tmp.i32.5
              local.get $tmp.i64.6
              i32.wrap_i64
              i32.add
              i32.load8_u
              local.set $comp.2
              block
                local.get $sum.1
                local.get $comp.2
                i64.extend_i32_u
                i64.add
                local.set $sum.1
              end
              local.get $tmp.i64.6
              i64.const 1
              i64.add
              local.set $tmp.i64.6
              local.get $tmp.i64.6
              local.get $tmp.i64.8
              i64.ge_s
              br_if 1
              local.get $tmp.i32.5
              local.get $tmp.i64.6
              i32.wrap_i64
              i32.add
              i32.load8_u
              local.set $comp.2
              block
                local.get $sum.1
                local.get $comp.2
                i64.extend_i32_u
                i64.add
                local.set $sum.1
              end
              local.get $tmp.i64.6
              i64.const 1
              i64.add
              local.set $tmp.i64.6
              br 0
            end
          end
          local.get $tmp.i64.6
          local.get $tmp.i64.7
          i64.ge_s
          br_if 1
          br 0
        end
      end
    else
      block
        local.get $tmp.i64.6
        local.get $tmp.i64.7
        i64.ge_s
        br_if 0
        loop
          i32.const 0
          i32.atomic.load offset=8
          if
            i32.const 9
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.6
          i64.const 1024
          i64.add
          local.get $tmp.i64.7
          local.get $tmp.i64.7
          local.get $tmp.i64.6
          i64.sub
          i64.const 1024
          i64.gt_u
          select
          local.tee $tmp.i64.8
          local.get $tmp.i64.6
          i64.le_s
          br_if 1
          block
            loop
              local.get $tmp.i64.6
              local.get $tmp.i64.8
              i64.ge_s
              br_if 1
              local.get $tmp.i32.5
              local.get $tmp.i64.6
              i32.wrap_i64
              i32.add
              i32.load8_u
              local.set $comp.2
              block
                local.get $sum.1
                local.get $comp.2
                i64.extend_i32_u
                i64.add
                local.tee $tmp.i64.9
                i64.const 0
                i64.lt_s
                if
                  i32.const 1
                  global.set $__ml_error_code
                  unreachable
                end
                local.get $tmp.i64.9
                local.set $sum.1
              end
              local.get $tmp.i64.6
              i64.const 1
              i64.add
              local.set $tmp.i64.6
              local.get $tmp.i64.6
              local.get $tmp.i64.8
              i64.ge_s
              br_if 1
              local.get $tmp.i32.5
              local.get $tmp.i64.6
              i32.wrap_i64
              i32.add
              i32.load8_u
              local.set $comp.2
              block
                local.get $sum.1
                local.get $comp.2
                i64.extend_i32_u
                i64.add
                local.tee $tmp.i64.9
                i64.const 0
                i64.lt_s
                if
                  i32.const 1
                  global.set $__ml_error_code
                  unreachable
                end
                local.get $tmp.i64.9
                local.set $sum.1
              end
              local.get $tmp.i64.6
              i64.const 1
              i64.add
              local.set $tmp.i64.6
              br 0
            end
          end
          local.get $tmp.i64.6
          local.get $tmp.i64.7
          i64.ge_s
          br_if 1
          br 0
        end
      end
    end
    local.get $sum.1
    local.get $flags
    i32.load
    i64.extend_i32_u
    i64.add
    local.tee $tmp.i64.7
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.7
    return
    unreachable
  )
  (func $total.impl (param $a i32) (result i64)
    (local $s i64)
    (local $x i64)
    (local $tmp.i32.3 i32)
    (local $tmp.i64.4 i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i32.6 i32)
    (local $tmp.i64.7 i64)
    (local $tmp.i64.8 i64)
    (local $tmp.i64.9 i64)
    (local $tmp.i64.10 i64)
    i64.const 0
    local.set $s
    local.get $a
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.5
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.6
    i64.const 0
    local.set $tmp.i64.4
    block
      local.get $tmp.i64.4
      local.get $tmp.i64.5
      i64.ge_s
      br_if 0
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.4
        i64.const 1024
        i64.add
        local.get $tmp.i64.5
        local.get $tmp.i64.5
        local.get $tmp.i64.4
        i64.sub
        i64.const 1024
        i64.gt_u
        select
        local.tee $tmp.i64.7
        local.get $tmp.i64.4
        i64.le_s
        br_if 1
        block
          loop
            local.get $tmp.i64.4
            local.get $tmp.i64.7
            i64.ge_s
            br_if 1
            local.get $tmp.i32.6
            local.get $tmp.i64.4
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $x
            block
              local.get $s
              local.get $x
              local.set $tmp.i64.9
              local.tee $tmp.i64.8
              local.get $tmp.i64.9
              i64.add
              local.set $tmp.i64.10
              local.get $tmp.i64.8
              local.get $tmp.i64.10
              i64.xor
              local.get $tmp.i64.9
              local.get $tmp.i64.10
              i64.xor
              i64.and
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.10
              local.set $s
            end
            local.get $tmp.i64.4
            i64.const 1
            i64.add
            local.set $tmp.i64.4
            local.get $tmp.i64.4
            local.get $tmp.i64.7
            i64.ge_s
            br_if 1
            local.get $tmp.i32.6
            local.get $tmp.i64.4
            i32.wrap_i64
            i32.const 3
            i32.shl
            i32.add
            i64.load
            local.set $x
            block
              local.get $s
              local.get $x
              local.set $tmp.i64.9
              local.tee $tmp.i64.10
              local.get $tmp.i64.9
              i64.add
              local.set $tmp.i64.8
              local.get $tmp.i64.10
              local.get $tmp.i64.8
              i64.xor
              local.get $tmp.i64.9
              local.get $tmp.i64.8
              i64.xor
              i64.and
              i64.const 0
              i64.lt_s
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
              local.get $tmp.i64.8
              local.set $s
            end
            local.get $tmp.i64.4
            i64.const 1
            i64.add
            local.set $tmp.i64.4
            br 0
          end
        end
        local.get $tmp.i64.4
        local.get $tmp.i64.5
        i64.ge_s
        br_if 1
        br 0
      end
    end
    local.get $a
    local.set $tmp.i32.3
    local.get $s
    local.set $tmp.i64.5
    local.get $tmp.i32.3
    i32.load
    local.tee $tmp.i32.6
    local.get $tmp.i32.3
    i32.load offset=4
    i32.eq
    if
      local.get $tmp.i32.3
      call $__ml_grow
    end
    local.get $tmp.i32.3
    local.get $tmp.i32.6
    i32.const 1
    i32.add
    i32.store
    local.get $tmp.i32.3
    i32.load offset=8
    local.get $tmp.i32.6
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.i64.5
    i64.store
    local.get $s
    return
    unreachable
  )
  (func $useTotal.impl (param $n i64) (result i64)
    (local $a i32)
    (local $t i64)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i64.5 i64)
    (local $tmp.i64.6 i64)
    (local $tmp.i64.7 i64)
    i64.const 2
    call $__ml_list
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    local.get $n
    i64.store
    local.get $tmp.i32.4
    local.get $n
    i64.const 1
    drop
    local.tee $tmp.i64.5
    i64.const 9223372036854775806
    i64.gt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.5
    i64.const 1
    i64.add
    i64.store offset=8
    local.get $tmp.i32.3
    local.set $a
    local.get $a
    call $total.impl
    local.set $t
    local.get $t
    i64.const 10
    drop
    local.set $tmp.i64.5
    local.get $tmp.i64.5
    i64.const -922337203685477580
    i64.sub
    i64.const 1844674407370955160
    i64.gt_u
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.5
    i64.const 10
    i64.mul
    local.get $a
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.6
    local.tee $tmp.i64.5
    local.get $tmp.i64.6
    i64.add
    local.tee $tmp.i64.7
    local.get $tmp.i64.5
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.7
    return
    unreachable
  )
  (func $__ml_error (export "__ml_error") (result i32)
    global.get $__ml_error_code
  )
  (func $__ml_list (param $n i64) (result i32)
    (local $p i32)
    local.get $n
    i64.const 0
    local.get $n
    i64.const 0
    i64.gt_s
    select
    local.tee $n
    i64.const 268435456
    i64.gt_s
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i64.const 3
    i64.shl
    i64.const 16
    i64.add
    call $__ml_new
    local.tee $p
    local.get $n
    i32.wrap_i64
    i32.store
    local.get $p
    local.get $n
    i32.wrap_i64
    i32.store offset=4
    local.get $p
    local.get $p
    i32.const 16
    i32.add
    i32.store offset=8
    local.get $p
  )
  (func $__ml_new (param $n i64) (result i32)
    (local $p i32)
    (local $end i64)
    (local $need i32)
    global.get $__ml_heap
    i32.const 7
    i32.add
    i32.const -8
    i32.and
    local.tee $p
    i64.extend_i32_u
    local.get $n
    i64.add
    local.tee $end
    i64.const 4294967296
    i64.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $end
    i64.const 65535
    i64.add
    i64.const 16
    i64.shr_u
    i32.wrap_i64
    memory.size
    i32.sub
    local.tee $need
    i32.const 0
    i32.gt_s
    if
      local.get $need
      memory.grow
      i32.const -1
      i32.eq
      if
        i32.const 6
        global.set $__ml_error_code
        unreachable
      end
    end
    local.get $end
    i32.wrap_i64
    global.set $__ml_heap
    local.get $p
  )
  (func $__ml_grow (param $l i32)
    (local $n i32)
    (local $cap i32)
    (local $data i32)
    local.get $l
    i32.load
    local.set $n
    local.get $n
    i32.const 268435456
    i32.ge_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i32.const 1
    i32.shl
    local.tee $cap
    i32.const 4
    local.get $cap
    i32.const 4
    i32.gt_u
    select
    local.set $cap
    local.get $cap
    i64.extend_i32_u
    i64.const 3
    i64.shl
    call $__ml_new
    local.tee $data
    local.get $l
    i32.load offset=8
    local.get $n
    i32.const 3
    i32.shl
    memory.copy
    local.get $l
    local.get $data
    i32.store offset=8
    local.get $l
    local.get $cap
    i32.store offset=4
  )
  (func $__ml_repeat (param $l i32) (param $n i64) (result i32)
    (local $len i64)
    (local $r i32)
    (local $d i32)
    (local $total i32)
    (local $done i32)
    (local $c i32)
    local.get $n
    i64.const 0
    i64.lt_s
    if
      i64.const 0
      local.set $n
    end
    local.get $l
    i32.load
    i64.extend_i32_u
    local.tee $len
    i64.eqz
    if
      i64.const 0
      local.set $n
    end
    local.get $n
    i64.const 268435456
    local.get $len
    i64.const 1
    local.get $len
    i64.const 0
    i64.ne
    select
    i64.div_u
    i64.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $len
    local.get $n
    i64.mul
    call $__ml_list
    local.tee $r
    i32.load offset=8
    local.set $d
    local.get $len
    local.get $n
    i64.mul
    i32.wrap_i64
    i32.const 3
    i32.shl
    local.tee $total
    if
      local.get $d
      local.get $l
      i32.load offset=8
      local.get $len
      i32.wrap_i64
      i32.const 3
      i32.shl
      local.tee $done
      memory.copy
      block
        loop
          local.get $done
          local.get $total
          i32.ge_u
          br_if 1
          local.get $total
          local.get $done
          i32.sub
          local.tee $c
          local.get $done
          local.get $done
          local.get $c
          i32.gt_u
          select
          local.set $c
          local.get $d
          local.get $done
          i32.add
          local.get $d
          local.get $c
          memory.copy
          local.get $done
          local.get $c
          i32.add
          local.set $done
          br 0
        end
      end
    end
    local.get $r
  )
  (func $__ml_pop (param $l i32) (param $i i64) (result i64)
    (local $addr i32)
    (local $v i64)
    local.get $i
    i64.const 0
    i64.lt_s
    if
      local.get $i
      local.get $l
      i32.load
      i64.extend_i32_u
      i64.add
      local.set $i
    end
    local.get $i
    local.get $l
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $l
    i32.load offset=8
    local.get $i
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    local.tee $addr
    i64.load
    local.set $v
    local.get $addr
    local.get $addr
    i32.const 8
    i32.add
    local.get $l
    i32.load
    local.get $i
    i32.wrap_i64
    i32.sub
    i32.const 1
    i32.sub
    i32.const 3
    i32.shl
    memory.copy
    local.get $l
    local.get $l
    i32.load
    i32.const 1
    i32.sub
    i32.store
    local.get $v
  )
  (func $__ml_concat (param $a i32) (param $b i32) (result i32)
    (local $r i32)
    local.get $a
    i32.load
    i64.extend_i32_u
    local.get $b
    i32.load
    i64.extend_i32_u
    i64.add
    call $__ml_list
    local.tee $r
    i32.load offset=8
    local.get $a
    i32.load offset=8
    local.get $a
    i32.load
    i32.const 3
    i32.shl
    memory.copy
    local.get $r
    i32.load offset=8
    local.get $a
    i32.load
    i32.const 3
    i32.shl
    i32.add
    local.get $b
    i32.load offset=8
    local.get $b
    i32.load
    i32.const 3
    i32.shl
    memory.copy
    local.get $r
  )
  (func $__ml_repeat_b (param $l i32) (param $n i64) (result i32)
    (local $len i64)
    (local $r i32)
    (local $d i32)
    (local $total i32)
    (local $done i32)
    (local $c i32)
    local.get $n
    i64.const 0
    i64.lt_s
    if
      i64.const 0
      local.set $n
    end
    local.get $l
    i32.load
    i64.extend_i32_u
    local.tee $len
    i64.eqz
    if
      i64.const 0
      local.set $n
    end
    local.get $n
    i64.const 268435456
    local.get $len
    i64.const 1
    local.get $len
    i64.const 0
    i64.ne
    select
    i64.div_u
    i64.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $len
    local.get $n
    i64.mul
    call $__ml_list_b
    local.tee $r
    i32.load offset=8
    local.set $d
    local.get $len
    local.get $n
    i64.mul
    i32.wrap_i64
    i32.const 0
    i32.shl
    local.tee $total
    if
      local.get $d
      local.get $l
      i32.load offset=8
      local.get $len
      i32.wrap_i64
      i32.const 0
      i32.shl
      local.tee $done
      memory.copy
      block
        loop
          local.get $done
          local.get $total
          i32.ge_u
          br_if 1
          local.get $total
          local.get $done
          i32.sub
          local.tee $c
          local.get $done
          local.get $done
          local.get $c
          i32.gt_u
          select
          local.set $c
          local.get $d
          local.get $done
          i32.add
          local.get $d
          local.get $c
          memory.copy
          local.get $done
          local.get $c
          i32.add
          local.set $done
          br 0
        end
      end
    end
    local.get $r
  )
  (func $__ml_list_b (param $n i64) (result i32)
    (local $p i32)
    local.get $n
    i64.const 0
    local.get $n
    i64.const 0
    i64.gt_s
    select
    local.tee $n
    i64.const 268435456
    i64.gt_s
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i64.const 0
    i64.shl
    i64.const 16
    i64.add
    call $__ml_new
    local.tee $p
    local.get $n
    i32.wrap_i64
    i32.store
    local.get $p
    local.get $n
    i32.wrap_i64
    i32.store offset=4
    local.get $p
    local.get $p
    i32.const 16
    i32.add
    i32.store offset=8
    local.get $p
  )
  (func $build (export "build") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $build.impl
  )
  (func $grid (export "grid") (param $n i64) (result f64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $grid.impl
  )
  (func $pops (export "pops") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $pops.impl
  )
  (func $bad (export "bad") (param $i i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $i
    call $bad.impl
  )
  (func $empty (export "empty") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $empty.impl
  )
  (func $bools (export "bools") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $bools.impl
  )
  (func $total (export "total") (param $a i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $a
    call $total.impl
  )
  (func $useTotal (export "useTotal") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
    local.get $n
    call $useTotal.impl
  )
  (func $__ml_alloc (export "__ml_alloc") (param $nbytes i32) (result i32)
    local.get $nbytes
    i64.extend_i32_u
    call $__ml_new
    global.get $__ml_heap
    global.set $__ml_argtop
  )
  (func $__ml_reset (export "__ml_reset")
    i32.const 16
    global.set $__ml_heap
    i32.const 16
    global.set $__ml_argtop
  )
)
