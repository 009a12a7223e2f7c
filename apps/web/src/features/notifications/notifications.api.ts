import {
  type Notification,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type NotificationReadAll,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationReadAllSchema,
  notificationSchema,
  type UnsubscribeResult,
  unsubscribeResultSchema,
} from "@lumen/contracts";
import { authRequest } from "@/features/auth/session";
import { type ApiClient, api } from "@/lib/api-client";

/** How many notifications the bell's list shows. */
export const BELL_PAGE_SIZE = 10;

// GET /notifications – newest first, with the unread count
export function listNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return authRequest("/notifications", notificationPageSchema, {
    query: { limit: BELL_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

// POST /notifications/:id/read
export function markNotificationRead(id: string): Promise<Notification> {
  return authRequest(`/notifications/${encodeURIComponent(id)}/read`, notificationSchema, { method: "POST" });
}

// POST /notifications/read-all
export function markAllNotificationsRead(): Promise<NotificationReadAll> {
  return authRequest("/notifications/read-all", notificationReadAllSchema, { method: "POST" });
}

// GET /users/me/notification-preferences
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return authRequest("/users/me/notification-preferences", notificationPreferencesSchema, signal ? { signal } : {});
}

// PUT /users/me/notification-preferences – only what is named changes
export function updateNotificationPreferences(body: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  return authRequest("/users/me/notification-preferences", notificationPreferencesSchema, { method: "PUT", body });
}

// POST /notifications/unsubscribe – from an email's link, no sign-in
export function unsubscribe(token: string, client: ApiClient = api): Promise<UnsubscribeResult> {
  return client.request("/notifications/unsubscribe", unsubscribeResultSchema, { method: "POST", body: { token } });
}
