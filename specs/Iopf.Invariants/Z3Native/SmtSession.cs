using Iopf.Invariants.Smt;
using Microsoft.Z3;

namespace Iopf.Invariants.Z3Native;

/// <summary>
/// One native Z3 context evaluating SMT-LIB2 text. Not thread-safe (a Z3 context is not); use one session per
/// thread. Every query starts with (reset), so declarations never leak from one query into the next.
/// </summary>
public sealed class SmtSession : IDisposable
{
    private IntPtr context;

    public SmtSession()
    {
        Z3Library.EnsureLoaded();
        context = NewContext();
    }

    /// <summary>
    /// Evaluates the text after a (reset) and returns Z3's raw output (e.g. the result of (simplify ...)).
    /// Throws <see cref="SmtException"/> with Z3's one-line diagnosis when the text is rejected.
    /// </summary>
    public string Run(string smt)
    {
        ObjectDisposedException.ThrowIf(context == IntPtr.Zero, this);
        string output;
        try
        {
            // Reset in its own call so Z3's "line L column C" positions refer to the caller's text.
            Native.Z3_eval_smtlib2_string(context, "(reset)");
            output = Native.Z3_eval_smtlib2_string(context, smt);
        }
        catch (Z3Exception e)
        {
            // The error code stays set on the context and poisons every later call: start over with a fresh one.
            Replace();
            throw new SmtException(OneLine(e.Message));
        }

        // Some errors (e.g. (get-model) after unsat) are only printed into the output, not raised.
        var error = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("(error", StringComparison.Ordinal));
        if (error is not null)
        {
            throw new SmtException(OneLine(error));
        }

        return output;
    }

    /// <summary>
    /// Runs a query whose last command is (check-sat); when the answer is sat, also reads the model.
    /// Rejected text becomes an <see cref="SmtOutcome.Error"/> result rather than an exception, so a suite
    /// run reports it beside the other results.
    /// </summary>
    public SmtResult Check(string smt)
    {
        try
        {
            var answer = LastLine(Run(smt));
            switch (answer)
            {
                case "unsat":
                    return SmtResult.Unsat;
                case "unknown":
                    return SmtResult.Unknown;
                case "sat":
                    // (get-model) is asked separately, so committed .smt2 files stay valid when they are unsat.
                    var model = Native.Z3_eval_smtlib2_string(context, "(get-model)");
                    return SmtResult.Sat(ModelParser.Parse(model));
                default:
                    return SmtResult.Failed($"expected sat, unsat or unknown as the last output line, got '{answer}'");
            }
        }
        catch (SmtException e)
        {
            return SmtResult.Failed(e.Message);
        }
        catch (FormatException e)
        {
            return SmtResult.Failed("could not read Z3's model: " + e.Message);
        }
        catch (Z3Exception e)
        {
            Replace();
            return SmtResult.Failed(OneLine(e.Message));
        }
    }

    public void Dispose()
    {
        if (context != IntPtr.Zero)
        {
            Native.Z3_del_context(context);
            context = IntPtr.Zero;
        }
    }

    private static IntPtr NewContext()
    {
        var config = Native.Z3_mk_config();
        try
        {
            Native.Z3_set_param_value(config, "model", "true");
            var created = Native.Z3_mk_context(config);
            Z3Library.ReturnErrorsInsteadOfExiting(created);
            return created;
        }
        finally
        {
            Native.Z3_del_config(config);
        }
    }

    private void Replace()
    {
        Native.Z3_del_context(context);
        context = NewContext();
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    /// <summary>
    /// Z3 keeps evaluating after an error, so its message may carry later output too: keep only the first
    /// (error "...") line, unwrapped, e.g. "Z3 rejected the SMT text: line 3 column 9: unknown constant x".
    /// </summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.FirstOrDefault(l => l.StartsWith("(error \"", StringComparison.Ordinal) && l.EndsWith("\")", StringComparison.Ordinal));
        return error is null
            ? "Z3 rejected the SMT text: " + string.Join(' ', lines)
            : "Z3 rejected the SMT text: " + error["(error \"".Length..^2];
    }
}
