from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from ppsp.accounts.models import RoleAssignment, User
from ppsp.core.admin import AuditedAdmin


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["region"]


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin[User]):
    list_display = ["username", "full_name", "email", "is_active", "is_staff"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("PPSP", {"fields": ("full_name", "phone")}))  # type: ignore[misc]
    inlines = [RoleAssignmentInline]
