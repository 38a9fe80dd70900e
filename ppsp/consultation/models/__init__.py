"""Models of the konsultasi publik, one module per seam: the consultation with its
paragraphs, comments, meetings and responses (`consultation`), the self-assessment and
pengesahan (`pengesahan`), the spam model versions (`spam`) and the rate counters
(`throttle`). Import them from here."""

from ppsp.consultation.models.consultation import (
    PUBLISHED_STATES,
    AttendeeGroup,
    BlockKind,
    Comment,
    CommentSource,
    CommentStatus,
    Consultation,
    ConsultationState,
    Decision,
    MeetingAttendance,
    Paragraph,
    PublicMeeting,
    Response,
    SenderBlock,
)
from ppsp.consultation.models.pengesahan import (
    Pengesahan,
    QaCheck,
    QaItem,
    QaRule,
    _signed_upload_to,  # named by migration 0001
)
from ppsp.consultation.models.spam import SpamModelVersion
from ppsp.consultation.models.throttle import RateCounter

__all__ = [
    "PUBLISHED_STATES",
    "AttendeeGroup",
    "BlockKind",
    "Comment",
    "CommentSource",
    "CommentStatus",
    "Consultation",
    "ConsultationState",
    "Decision",
    "MeetingAttendance",
    "Paragraph",
    "Pengesahan",
    "PublicMeeting",
    "QaCheck",
    "QaItem",
    "QaRule",
    "RateCounter",
    "Response",
    "SenderBlock",
    "SpamModelVersion",
    "_signed_upload_to",
]
