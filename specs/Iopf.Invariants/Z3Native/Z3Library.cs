using System.Runtime.InteropServices;
using Microsoft.Z3;

namespace Iopf.Invariants.Z3Native;

/// <summary>
/// Binds the Microsoft.Z3 package's P/Invoke declarations to the system libz3. The package ships native code
/// only for Windows and macOS, and its high-level API needs entry points Debian's libz3 4.8.12 lacks, so only
/// the low-level <see cref="Native"/> functions are used, resolved here against libz3.so / libz3.so.4.
/// </summary>
public static class Z3Library
{
    private static readonly string[] CandidateNames = ["libz3.so", "libz3.so.4"];

    // Lazy gives the once-only, thread-safe registration: SetDllImportResolver throws if called twice for an assembly.
    private static readonly Lazy<IntPtr> Handle = new(LoadAndRegister, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<SetErrorHandler> SetErrorHandlerFunction = new(
        () => Marshal.GetDelegateForFunctionPointer<SetErrorHandler>(NativeLibrary.GetExport(Handle.Value, "Z3_set_error_handler")));

    // Z3_set_error_handler(Z3_context, Z3_error_handler); the Microsoft.Z3 wrapper does not expose it publicly.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetErrorHandler(IntPtr context, IntPtr handler);

    /// <summary>Loads libz3 and registers the resolver; throws <see cref="Z3NotFoundException"/> when it is missing.</summary>
    public static void EnsureLoaded() => _ = Handle.Value;

    /// <summary>The Z3 version string of the loaded library, e.g. "4.8.12.0".</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return Native.Z3_get_full_version();
        }
    }

    /// <summary>
    /// Clears the context's error handler. Z3's default handler prints the error and calls exit(), which would
    /// take the whole test host down on a typo in SMT text; without a handler the error comes back as a
    /// Z3Exception from the Native wrapper instead.
    /// </summary>
    internal static void ReturnErrorsInsteadOfExiting(IntPtr context) => SetErrorHandlerFunction.Value(context, IntPtr.Zero);

    /// <summary>Loads the first library of <paramref name="candidateNames"/> that the dynamic loader finds.</summary>
    internal static IntPtr LoadFirst(IReadOnlyList<string> candidateNames)
    {
        foreach (var name in candidateNames)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return handle;
            }
        }

        throw new Z3NotFoundException(string.Join(", ", candidateNames));
    }

    private static IntPtr LoadAndRegister()
    {
        var loaded = LoadFirst(CandidateNames);
        NativeLibrary.SetDllImportResolver(
            typeof(Native).Assembly,
            (name, _, _) => name.Contains("z3", StringComparison.OrdinalIgnoreCase) ? loaded : IntPtr.Zero);
        return loaded;
    }
}
