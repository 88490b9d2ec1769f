-- wrk: GETs BENCH_PREFIX .. id for an id picked at random from BENCH_IDS (space-separated) on every request, as
-- pgbench's read shape picks one of 1000 rows: readers of different cases, not every connection on one case.
local prefix = os.getenv("BENCH_PREFIX")
local token = os.getenv("BENCH_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "%S+") do
  ids[#ids + 1] = id
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", prefix .. id, { ["Authorization"] = "Bearer " .. token })
end
