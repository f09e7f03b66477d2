using System.Runtime.InteropServices;
using SQLitePCL;

namespace EquityDashboard.Infrastructure.Import.Storage;

/// <summary>
/// The handful of SQLite calls a bulk insert makes per value, called straight through function
/// pointers into the same e_sqlite3 library Microsoft.Data.Sqlite loaded. The usual wrappers
/// take and release a SafeHandle on every call, which at a dozen calls per row costs about as
/// much as SQLite's own work. Binding and resetting only copy a value or clear state, so they
/// skip the runtime's GC transition too; stepping does I/O and keeps it. Callers keep the
/// statement's SafeHandle alive while using its pointer.
/// </summary>
internal static unsafe class SqliteNative
{
    /// <summary>
    /// SQLITE_STATIC: SQLite reads the bytes where they lie, without a copy. They must stay put
    /// until the statement is stepped and reset, which a pinned <see cref="RowChunk"/> does.
    /// </summary>
    private const nint Static = 0;

    private static readonly nint Library = NativeLibrary.Load("e_sqlite3", typeof(SQLite3Provider_e_sqlite3).Assembly, null);

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int> BindTextPtr =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*, int, nint, int>)NativeLibrary.GetExport(Library, "sqlite3_bind_text");
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int> BindInt64Ptr =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long, int>)NativeLibrary.GetExport(Library, "sqlite3_bind_int64");
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int> BindDoublePtr =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double, int>)NativeLibrary.GetExport(Library, "sqlite3_bind_double");
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> BindNullPtr =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)NativeLibrary.GetExport(Library, "sqlite3_bind_null");
    private static readonly delegate* unmanaged[Cdecl]<nint, int> StepPtr =
        (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(Library, "sqlite3_step");
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> ResetPtr =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(Library, "sqlite3_reset");

    public static int BindText(nint statement, int index, byte* utf8, int length) => BindTextPtr(statement, index, utf8, length, Static);

    public static int BindInt64(nint statement, int index, long value) => BindInt64Ptr(statement, index, value);
    public static int BindDouble(nint statement, int index, double value) => BindDoublePtr(statement, index, value);
    public static int BindNull(nint statement, int index) => BindNullPtr(statement, index);
    public static int Step(nint statement) => StepPtr(statement);
    public static int Reset(nint statement) => ResetPtr(statement);
}
