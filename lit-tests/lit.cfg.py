# lit configuration of the ssc tests. Run through the generated
# lit.site.cfg.py in the build tree (ctest does: lit.Parse, lit.Driver, ...):
#   python3 /usr/lib/llvm-14/build/utils/lit/lit.py -sv build/lit-tests/Driver
import os
import shutil

import lit.formats

config.name = "ssc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c"]
config.excludes = ["Inputs"]
config.test_source_root = config.ss_lit_src
config.test_exec_root = config.ss_lit_obj

# FileCheck, not, count from LLVM 14; the host's tools after them.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
for var in ["HOME", "TMPDIR", "LANG", "SS_NUM_THREADS", "SSC_NVCC", "CUDA_HOME"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

# Longer names first: lit substitutes in this order.
config.substitutions.append(("%ssc-translate", config.ssc_translate))
config.substitutions.append(("%ssc", config.ssc))
config.substitutions.append(("%FileCheck", "FileCheck"))
config.substitutions.append(("%runtime-include", config.runtime_include))
config.substitutions.append(("%runtime-libdir", config.runtime_libdir))
config.substitutions.append(("%cc", config.cc))

if config.have_translator:
    config.available_features.add("translator")


# Feature `nvcc`: nvcc is where ssc looks for it (SSC_NVCC, PATH, then
# $CUDA_HOME/bin, CUDA_HOME=/usr/local/cuda), for tests that compile CUDA.
def find_nvcc():
    if os.environ.get("SSC_NVCC"):
        return os.environ["SSC_NVCC"]
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if d and os.access(os.path.join(d, "nvcc"), os.X_OK):
            return os.path.join(d, "nvcc")
    home = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
    nvcc = os.path.join(home, "bin", "nvcc")
    return nvcc if os.access(nvcc, os.X_OK) else None


if find_nvcc():
    config.available_features.add("nvcc")


# Feature `mpirun`: an MPI runner on PATH, for the MPI task test.
if shutil.which("mpirun", path=config.environment.get("PATH")):
    config.available_features.add("mpirun")
