(module
  (memory (export "memory") 1)
  (global $__ml_error_code (mut i32) (i32.const 0))
  (global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))
  (func $expensive_operation (export "expensive_operation") (param $n i64) (result i64)
    (local $result i64)
    (local $i i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i64.6 i64)
    (local $tmp.i64.7 i64)
    (local $tmp.i64.8 i64)
    i64.const 0
    local.set $result
    i64.const 0
    local.set $tmp.i64.3
    local.get $n
    local.get $n
    local.set $tmp.i64.6
    local.set $tmp.i64.5
    local.get $tmp.i64.5
    local.get $tmp.i64.6
    i64.mul
    local.set $tmp.i64.7
    local.get $tmp.i64.5
    i64.const 2147483648
    i64.add
    local.get $tmp.i64.6
    i64.const 2147483648
    i64.add
    i64.or
    i64.const 4294967296
    i64.ge_u
    if
      local.get $tmp.i64.5
      i64.const -1
      i64.eq
      if
        local.get $tmp.i64.6
        i64.const -9223372036854775808
        i64.eq
        if
          i32.const 1
          global.set $__ml_error_code
          unreachable
        end
      else
        local.get $tmp.i64.5
        i64.eqz
        i32.eqz
        if
          local.get $tmp.i64.7
          local.get $tmp.i64.5
          i64.div_s
          local.get $tmp.i64.6
          i64.ne
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
        end
      end
    end
    local.get $tmp.i64.7
    local.set $tmp.i64.4
    local.get $tmp.i64.4
    i64.const 94906266
    i64.le_s
    if
      block
        local.get $tmp.i64.3
        local.get $tmp.i64.4
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
          local.get $tmp.i64.3
          i64.const 1024
          i64.add
          local.get $tmp.i64.4
          local.get $tmp.i64.4
          local.get $tmp.i64.3
          i64.sub
          i64.const 1024
          i64.gt_u
          select
          local.tee $tmp.i64.7
          local.get $tmp.i64.3
          i64.le_s
          br_if 1
          block
            loop
              local.get $tmp.i64.3
              local.get $tmp.i64.7
              i64.ge_s
              br_if 1
              local.get $tmp.i64.3
              local.set $i
              block
                local.get $result
                local.get $i
                local.get $i
                i64.mul
                local.get $i
                i64.const 1
                i64.add
                local.set $tmp.i64.5
                local.tee $tmp.i64.6
                f64.convert_i64_s
                local.get $tmp.i64.5
                f64.convert_i64_s
                f64.div
                i64.trunc_f64_s
                i64.add
                local.tee $tmp.i64.5
                i64.const 0
                i64.lt_s
                if
                  i32.const 1
                  global.set $__ml_error_code
                  unreachable
                end
                local.get $tmp.i64.5
                local.set $result
              end
              local.get $tmp.i64.3
              i64.const 1
              i64.add
              local.set $tmp.i64.3
              br 0
            end
          end
          local.get $tmp.i64.3
          local.get $tmp.i64.4
          i64.ge_s
          br_if 1
          br 0
        end
      end
    else
      block
        local.get $tmp.i64.3
        local.get $tmp.i64.4
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
          local.get $tmp.i64.3
          i64.const 1024
          i64.add
          local.get $tmp.i64.4
          local.get $tmp.i64.4
          local.get $tmp.i64.3
          i64.sub
          i64.const 1024
          i64.gt_u
          select
          local.tee $tmp.i64.7
          local.get $tmp.i64.3
          i64.le_s
          br_if 1
          block
            loop
              local.get $tmp.i64.3
              local.get $tmp.i64.7
              i64.ge_s
              br_if 1
              local.get $tmp.i64.3
              local.set $i
              block
                local.get $result
                local.get $i
                local.get $i
                local.set $tmp.i64.6
                local.set $tmp.i64.5
                local.get $tmp.i64.5
                local.get $tmp.i64.6
                i64.mul
                local.set $tmp.i64.8
                local.get $tmp.i64.5
                local.get $tmp.i64.6
                i64.or
                i64.const 31
                i64.shr_u
                i64.const 0
                i64.ne
                if
                  local.get $tmp.i64.5
                  i64.const 0
                  i64.ne
                  if
                    local.get $tmp.i64.8
                    local.get $tmp.i64.5
                    i64.div_s
                    local.get $tmp.i64.6
                    i64.ne
                    if
                      i32.const 1
                      global.set $__ml_error_code
                      unreachable
                    end
                  end
                end
                local.get $tmp.i64.8
                local.get $i
                i64.const 1
                i64.add
                i64.div_u
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
                local.set $result
              end
              local.get $tmp.i64.3
              i64.const 1
              i64.add
              local.set $tmp.i64.3
              br 0
            end
          end
          local.get $tmp.i64.3
          local.get $tmp.i64.4
          i64.ge_s
          br_if 1
          br 0
        end
      end
    end
    local.get $result
    return
    unreachable
  )
  (func $__ml_error (export "__ml_error") (result i32)
    global.get $__ml_error_code
  )
)
