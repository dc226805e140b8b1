namespace LinkService.Intake.Scanning.Writers;

/// <summary>The inotify events writer tracking reads (values as in <c>&lt;sys/inotify.h&gt;</c>).</summary>
[Flags]
internal enum WriterEvent : uint
{
    None = 0,
    Modify = 0x2,
    Attrib = 0x4,
    CloseWrite = 0x8,
    CloseNoWrite = 0x10,
    Open = 0x20,
    MovedFrom = 0x40,
    MovedTo = 0x80,
    Create = 0x100,
    Delete = 0x200,
    DeleteSelf = 0x400,
    MoveSelf = 0x800,
    Unmount = 0x2000,
    Overflow = 0x4000,
    Ignored = 0x8000,
    IsDirectory = 0x40000000,
}
