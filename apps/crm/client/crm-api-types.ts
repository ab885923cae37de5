// Generated from the CRM's API document (/api/openapi.json) by scripts/generate-api-types.ts: do not edit.
/* eslint-disable @typescript-eslint/consistent-type-definitions -- openapi-typescript writes `operations` as an interface */
export type paths = {
  "/api/contacts/{contactId}/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export everything held about a contact as one JSON download (signed-in owners only) */
    get: operations["getContactsExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contacts/{contactId}/erase": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase a contact from every table, leaving an audit row without personal data (signed-in owners only) */
    post: operations["postContactsErase"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/leads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List leads */
    get: operations["getLeads"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/leads/{leadId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a lead (ETag: its version) */
    get: operations["getLeadsById"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a lead's status and/or assignee (If-Match: only the version you read) */
    patch: operations["patchLeadsById"];
    trace?: never;
  };
  "/api/contacts/{contactId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a contact (ETag: its version) */
    get: operations["getContactsById"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a contact (If-Match: only the version you read) */
    patch: operations["patchContactsById"];
    trace?: never;
  };
  "/api/contacts/{contactId}/merge": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another contact into this one (signed-in owners; undo via /api/contact-merges/{auditLogId}/undo) */
    post: operations["postContactsMerge"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contact-merges/{auditLogId}/undo": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Separate two merged contacts again (signed-in owners; `auditLogId` from the merge's answer or its timeline entry) */
    post: operations["postContactMergesUndo"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contacts/{contactId}/identities": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's e-mails and phones, primary first, with source and times (ETag: the contact's version) */
    get: operations["getContactsIdentities"];
    put?: never;
    /** Add an e-mail or phone to a contact (primary only when it has none of that kind) */
    post: operations["postContactsIdentities"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contacts/{contactId}/identities/{identityId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one of a contact's e-mails or phones (the oldest other becomes primary) */
    delete: operations["deleteContactsIdentitiesById"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contacts/{contactId}/identities/{identityId}/primary": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make one of a contact's e-mails or phones the primary of its kind */
    post: operations["postContactsIdentitiesPrimary"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/contacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List or search contacts */
    get: operations["getContacts"];
    put?: never;
    /** Create a contact */
    post: operations["postContacts"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/activities": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List activities */
    get: operations["getActivities"];
    put?: never;
    /** Log a note, call, meeting or email */
    post: operations["postActivities"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/tasks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tasks by due time (open by default) */
    get: operations["getTasks"];
    put?: never;
    /** Add a task on a lead or contact (its reminder e-mail is queued for the due time) */
    post: operations["postTasks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/tasks/{taskId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a task (ETag: its version) */
    get: operations["getTasksById"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a task; `done: true` completes it (one activity on the timeline), `done: false` reopens it */
    patch: operations["patchTasksById"];
    trace?: never;
  };
  "/api/action-plans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List action plans (`archived=include` adds archived ones), each with how many leads it runs on */
    get: operations["getActionPlans"];
    put?: never;
    /** Add an action plan: steps (a task for the lead's agent, or an e-mail to the lead) at offsets from its start (owners, API keys) */
    post: operations["postActionPlans"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/action-plans/{planId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an action plan (ETag: its version) */
    get: operations["getActionPlansById"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, replace the steps, archive or restore a plan (owners, API keys); runs already started keep their steps */
    patch: operations["patchActionPlansById"];
    trace?: never;
  };
  "/api/leads/{leadId}/plans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The lead's action plans with each step's state and the next step */
    get: operations["getLeadsPlans"];
    put?: never;
    /** Start an action plan on the lead (once: a plan already running answers 200 with its run) */
    post: operations["postLeadsPlans"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/leads/{leadId}/plans/{leadPlanId}/stop": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop the lead's plan: its open steps are cancelled; tasks already made stay */
    post: operations["postLeadsPlansStop"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/leads/{leadId}/plans/{leadPlanId}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a paused plan: its open steps move on by the time it was paused (a plan not paused answers as it is) */
    post: operations["postLeadsPlansResume"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/my-day": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in member's open tasks: overdue, today, next 7 days */
    get: operations["getMyDay"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send in a lead or an event about a lead (Follow Up Boss-compatible; API key as the Basic-auth user name)
     * @description Accepts Follow Up Boss `POST /v1/events` requests unchanged. 2xx means durably queued; the person is matched by e-mail or phone. Idempotent on the `Idempotency-Key` header, else on the body's `id`. Differences from Follow Up Boss: see docs/decisions (events API).
     */
    post: operations["postV1Events"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook endpoints (owners, API keys) */
    get: operations["getWebhooks"];
    put?: never;
    /** Register a webhook endpoint; the signing secret is in this answer only */
    post: operations["postWebhooks"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/{endpointId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook endpoint */
    get: operations["getWebhooksById"];
    put?: never;
    post?: never;
    /** Delete a webhook endpoint and its delivery log */
    delete: operations["deleteWebhooksById"];
    options?: never;
    head?: never;
    /** Edit a webhook endpoint (url, description, events, enabled) */
    patch: operations["patchWebhooksById"];
    trace?: never;
  };
  "/api/webhooks/{endpointId}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New signing secret (in this answer only); the previous one signs too for overlapHours (default 24) */
    post: operations["postWebhooksRotateSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/{endpointId}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The endpoint's delivery log, newest first */
    get: operations["getWebhooksDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/{endpointId}/deliveries/{deliveryId}/resend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send one delivery again (same webhook-id) */
    post: operations["postWebhooksDeliveriesResend"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/{endpointId}/redrive": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send every failed delivery of the endpoint again */
    post: operations["postWebhooksRedrive"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the brokerage's API keys, newest first (never a secret) */
    get: operations["getApiKeys"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/api-keys/{apiKeyId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a key's name and/or requests per minute (its scopes are chosen at creation); audited */
    patch: operations["patchApiKeysById"];
    trace?: never;
  };
  "/api/profile": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in member's profile in this brokerage */
    get: operations["getProfile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the display name, phone (read in the brokerage's country, stored E.164) or MLS agent id; null clears a field */
    patch: operations["patchProfile"];
    trace?: never;
  };
  "/api/profile/photo": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the signed-in member's photo: the image file as the body, JPEG, PNG or WebP by its first bytes, at most 2 MiB */
    put: operations["putProfilePhoto"];
    post?: never;
    /** Remove the signed-in member's photo */
    delete: operations["deleteProfilePhoto"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/members/{membershipId}/photo": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A member's photo (ETag and cache headers; `?v=` is the version the profile names) */
    get: operations["getMembersPhoto"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/session": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user and their membership here */
    get: operations["getAuthSession"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    PartnerEvent: {
      id?: string | number;
      source?: string;
      system?: string;
      /**
       * @default General Inquiry
       * @enum {string}
       */
      type:
        | "Registration"
        | "Inquiry"
        | "Property Inquiry"
        | "Seller Inquiry"
        | "General Inquiry"
        | "Viewed Property"
        | "Saved Property"
        | "Visited Website"
        | "Viewed Page"
        | "Property Search"
        | "Saved Property Search"
        | "Visited Open House"
        | "Incoming Call"
        | "Unsubscribed";
      message?: string;
      description?: string;
      /** Format: date-time */
      occurredAt?: string;
      pageUrl?: string;
      pageTitle?: string;
      pageReferrer?: string;
      person: {
        id?: string | number;
        firstName?: string;
        lastName?: string;
        name?: string;
        emails?: ({
          value: string;
        } & {
          [key: string]: unknown;
        })[];
        phones?: ({
          value: string;
        } & {
          [key: string]: unknown;
        })[];
        tags?: string[];
      } & {
        [key: string]: unknown;
      };
      property?: {
        [key: string]: unknown;
      };
      propertySearch?: {
        [key: string]: unknown;
      };
      campaign?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    PartnerEventAnswer: {
      id: string | null;
      eventId: string;
      /** @constant */
      status: "queued";
      created: string | null;
      updated: string | null;
      name: string | null;
      firstName: string | null;
      lastName: string | null;
      stage: string;
      source: string | null;
      emails: {
        value: string;
        isPrimary: boolean;
      }[];
      phones: {
        value: string;
        isPrimary: boolean;
      }[];
      tags: string[];
    };
    WebhookEndpointCreate: {
      url: string;
      description?: string | null;
      events: ("contact.created" | "contact.updated" | "lead.created" | "lead.status_changed" | "lead.assigned" | "note.added" | "task.completed")[];
    };
    WebhookEndpointPatch: {
      url?: string;
      description?: string | null;
      events?: ("contact.created" | "contact.updated" | "lead.created" | "lead.status_changed" | "lead.assigned" | "note.added" | "task.completed")[];
      enabled?: boolean;
    };
    ApiKeyPatch: {
      name?: string;
      rateLimitPerMinute?: number;
    };
    TaskCreate: {
      /** @enum {string} */
      kind: "CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER";
      title: string;
      notes?: string;
      dueAt: unknown;
      /** Format: uuid */
      leadId?: string;
      /** Format: uuid */
      contactId?: string;
      assignedMembershipId?: string | null;
    };
    TaskPatch: {
      /** @enum {string} */
      kind?: "CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER";
      title?: string;
      notes?: string | null;
      dueAt?: unknown;
      assignedMembershipId?: string | null;
      done?: boolean;
      outcome?: string;
    };
    ProfilePatch: {
      displayName?: string | null;
      phone?: string | null;
      mlsAgentKey?: string | null;
    };
    Task: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: "CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER";
      title: string;
      notes: string | null;
      /** Format: date-time */
      dueAt: string;
      done: boolean;
      completedAt: string | null;
      /** Format: uuid */
      contactId: string;
      leadId: string | null;
      assignedTo: {
        /** Format: uuid */
        membershipId: string;
        userId: string;
        name: string;
      } | null;
      contact: {
        /** Format: uuid */
        id: string;
        firstName: string | null;
        lastName: string | null;
        email: string | null;
        phone: string | null;
      };
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TaskList: {
      items: components["schemas"]["Task"][];
      nextCursor: string | null;
    };
    /** @description Open tasks of the signed-in member: overdue, due today (the brokerage's day), due in the next 7 days; counts are full, items the first 50. */
    MyDay: {
      overdue: {
        count: number;
        items: components["schemas"]["Task"][];
      };
      today: {
        count: number;
        items: components["schemas"]["Task"][];
      };
      upcoming: {
        count: number;
        items: components["schemas"]["Task"][];
      };
      /** Format: date-time */
      endOfToday: string;
    };
    ActionPlan: {
      /** Format: uuid */
      id: string;
      name: string;
      description: string | null;
      archived: boolean;
      steps: {
        position: number;
        /** @enum {string} */
        kind: "TASK" | "EMAIL";
        taskKind: ("CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER") | null;
        title: string;
        offsetMinutes: number;
        /** @description The offset in words, e.g. "after 2 days 4 hours" */
        when: string;
        emailSubject: string | null;
        emailBody: string | null;
      }[];
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ActionPlanList: {
      items: {
        /** Format: uuid */
        id: string;
        name: string;
        description: string | null;
        archived: boolean;
        steps: {
          position: number;
          /** @enum {string} */
          kind: "TASK" | "EMAIL";
          taskKind: ("CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER") | null;
          title: string;
          offsetMinutes: number;
          /** @description The offset in words, e.g. "after 2 days 4 hours" */
          when: string;
          emailSubject: string | null;
          emailBody: string | null;
        }[];
        version: number;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        updatedAt: string;
        activeLeads: number;
      }[];
    };
    LeadPlan: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      leadId: string;
      /** Format: uuid */
      planId: string;
      planName: string;
      /** @enum {string} */
      status: "ACTIVE" | "PAUSED" | "STOPPED" | "COMPLETED";
      /** Format: date-time */
      startedAt: string;
      /** @enum {string} */
      startedBy: "member" | "routing_rule";
      stoppedAt: string | null;
      stoppedReason: string | null;
      /** @description When the plan was last paused (a reply, a status change, a reassignment) */
      pausedAt: string | null;
      pausedReason: string | null;
      completedAt: string | null;
      nextStep: {
        title: string;
        /** Format: date-time */
        dueAt: string;
      } | null;
      steps: {
        /** Format: uuid */
        id: string;
        position: number;
        /** @enum {string} */
        kind: "TASK" | "EMAIL";
        taskKind: ("CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER") | null;
        title: string;
        /** Format: date-time */
        dueAt: string;
        /** @enum {string} */
        status: "PENDING" | "DONE" | "SKIPPED" | "CANCELLED";
        ranAt: string | null;
        taskId: string | null;
        note: string | null;
      }[];
    };
    LeadPlanList: {
      items: components["schemas"]["LeadPlan"][];
    };
    LeadPlanStart: {
      /** Format: uuid */
      planId: string;
    };
    LeadPlanStop: {
      reason?: string;
    };
    LeadPlanResume: Record<string, never>;
    ActionPlanPatch: {
      name?: string;
      description?: string | null;
      steps?: components["schemas"]["ActionPlanStepInput"][];
      archived?: boolean;
    };
    ActionPlanStepInput:
      | {
          /** @constant */
          kind: "TASK";
          /** @enum {string} */
          taskKind: "CALL" | "EMAIL" | "TEXT" | "SHOWING" | "OTHER";
          title: string;
          offsetMinutes: number;
        }
      | {
          /** @constant */
          kind: "EMAIL";
          title: string;
          offsetMinutes: number;
          emailSubject: string;
          emailBody: string;
        };
    ActionPlanCreate: {
      name: string;
      description?: string;
      steps: components["schemas"]["ActionPlanStepInput"][];
    };
    LeadList: {
      items: components["schemas"]["Lead"][];
      nextCursor: string | null;
    };
    Lead: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: "NEW" | "CONTACTED" | "QUALIFIED" | "NURTURING" | "UNDER_CONTRACT" | "WON" | "LOST";
      source: string;
      listingKey: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastActivityAt: string;
      firstContactedAt: string | null;
      contact: components["schemas"]["ContactSummary"];
      assignedTo: components["schemas"]["Assignee"] | null;
    };
    LeadDetail: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: "NEW" | "CONTACTED" | "QUALIFIED" | "NURTURING" | "UNDER_CONTRACT" | "WON" | "LOST";
      source: string;
      listingKey: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastActivityAt: string;
      firstContactedAt: string | null;
      contact: components["schemas"]["Contact"];
      assignedTo: components["schemas"]["Assignee"] | null;
      message: string | null;
      version: number;
      closedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    LeadPatch: {
      /** @enum {string} */
      status?: "NEW" | "CONTACTED" | "QUALIFIED" | "NURTURING" | "UNDER_CONTRACT" | "WON" | "LOST";
      assignedTo?: string | null;
    };
    Assignee: {
      /** Format: uuid */
      membershipId: string;
      userId: string;
      name: string;
    };
    ContactSummary: {
      /** Format: uuid */
      id: string;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
      phone: string | null;
      phoneExtension: string | null;
    };
    ContactList: {
      items: components["schemas"]["Contact"][];
      nextCursor: string | null;
    };
    Contact: {
      /** Format: uuid */
      id: string;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
      phone: string | null;
      phoneExtension: string | null;
      source: string;
      version: number;
      notes: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      leadCount?: number;
    };
    ContactCreate: {
      firstName?: string;
      lastName?: string;
      /** Format: email */
      email?: string;
      phone?: string;
      notes?: string;
      openLead?: {
        message?: string;
        /** @enum {string} */
        source?: "website_contact" | "listing_inquiry" | "valuation" | "visitor_registration" | "saved_listing" | "saved_search" | "manual" | "api";
      };
    };
    ContactPatch: {
      firstName?: string | null;
      lastName?: string | null;
      email?: ("" | string) | null;
      phone?: ("" | string) | null;
      notes?: string | null;
    };
    ContactMerge: {
      /** Format: uuid */
      contactId: string;
    };
    ContactIdentities: {
      /** Format: uuid */
      contactId: string;
      version: number;
      emails: {
        /** Format: uuid */
        id: string;
        email: string;
        isPrimary: boolean;
        source: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        lastSeenAt: string;
      }[];
      phones: {
        /** Format: uuid */
        id: string;
        phone: string;
        extension: string | null;
        isPrimary: boolean;
        source: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        lastSeenAt: string;
      }[];
    };
    ContactIdentityAdd:
      | {
          /** @constant */
          kind: "email";
          /** Format: email */
          value: string;
        }
      | {
          /** @constant */
          kind: "phone";
          value: string;
        };
    ActivityList: {
      items: components["schemas"]["Activity"][];
      nextCursor: string | null;
    };
    Activity: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type:
        | "WEBSITE_EVENT"
        | "NOTE"
        | "CALL"
        | "MEETING"
        | "EMAIL"
        | "STATUS_CHANGE"
        | "ASSIGNMENT"
        | "CONTACT_CREATED"
        | "CONTACT_UPDATED"
        | "CONTACT_MERGED"
        | "TASK_COMPLETED"
        | "ACTION_PLAN";
      title: string;
      body: string | null;
      /** Format: date-time */
      occurredAt: string;
      /** Format: uuid */
      contactId: string;
      leadId: string | null;
      eventId: string | null;
      actor: {
        userId: string;
        name: string | null;
      } | null;
      viaApiKey: boolean;
      contact: components["schemas"]["ContactSummary"];
    };
    ActivityCreate: {
      /** @enum {string} */
      type: "NOTE" | "CALL" | "MEETING" | "EMAIL";
      /** Format: uuid */
      leadId?: string;
      /** Format: uuid */
      contactId?: string;
      title?: string;
      body?: string;
      /** Format: date-time */
      occurredAt?: string;
    };
    Error: {
      error: string;
      fields?: {
        [key: string]: string[];
      };
      message?: string;
      errorMessage?: string;
    };
    WebhookEndpoint: {
      /** Format: uuid */
      id: string;
      url: string;
      description?: string | null;
      events: ("contact.created" | "contact.updated" | "lead.created" | "lead.status_changed" | "lead.assigned" | "note.added" | "task.completed")[];
      /** @enum {string} */
      status: "active" | "failing" | "disabled";
      disabledAt?: string | null;
      disabledReason?: ("owner" | "failing") | null;
      failingSince?: string | null;
      previousSecretExpiresAt?: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt?: string;
    };
    WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
      /** @description whsec_…: shown once */
      secret: string;
    };
    WebhookEndpointList: {
      items: components["schemas"]["WebhookEndpoint"][];
    };
    WebhookDelivery: {
      /**
       * Format: uuid
       * @description Also the webhook-id header
       */
      id: string;
      /** Format: uuid */
      endpointId: string;
      eventType: string;
      contactId?: string | null;
      /** @enum {string} */
      status: "PENDING" | "DELIVERED" | "FAILED";
      attempts: number;
      responseStatus?: number | null;
      latencyMs?: number | null;
      responseExcerpt?: string | null;
      lastError?: string | null;
      lastAttemptAt?: string | null;
      deliveredAt?: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description The signed body: type, timestamp, data */
      payload: Record<string, never>;
    };
    WebhookDeliveryList: {
      items: components["schemas"]["WebhookDelivery"][];
      nextCursor: string | null;
    };
    Queued: {
      queued: number;
    };
    ContactMergeResult: {
      /** @constant */
      ok: true;
      /** Format: uuid */
      survivorId: string;
      /** Format: uuid */
      absorbedId: string;
      /**
       * Format: uuid
       * @description Undo with POST /api/contact-merges/{auditLogId}/undo
       */
      auditLogId: string;
      moved: {
        leads: number;
        activities: number;
        emails: number;
        phones: number;
      };
    };
    ContactMergeUndone: {
      /** @constant */
      ok: true;
      /** Format: uuid */
      survivorId: string;
      /** Format: uuid */
      restoredId: string;
      /** Format: uuid */
      auditLogId: string;
    };
    ApiKey: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The key's first characters (the key itself is shown once, at creation) */
      prefix: string;
      scopes: ("read" | "write")[];
      rateLimitPerMinute: number;
      /** @enum {string} */
      status: "active" | "revoked";
      /** Format: date-time */
      createdAt: string;
      lastUsedAt?: string | null;
      revokedAt?: string | null;
    };
    ApiKeyList: {
      items: components["schemas"]["ApiKey"][];
    };
    Profile: {
      /** Format: uuid */
      membershipId: string;
      /** @description The display name, else the account's name */
      name: string;
      displayName: string | null;
      accountName: string;
      email: string;
      /** @description E.164 */
      phone: string | null;
      phoneExtension: string | null;
      phoneFormatted: string | null;
      mlsAgentKey: string | null;
      /** @description The CRM's own copy, for signed-in members */
      photoUrl: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  getContactsExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The contact's data (Content-Disposition: attachment) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": Record<string, never>;
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: a signed-in owner's only), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContactsErase: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Erased */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            erased: true;
            auditLogId: string;
            counts: {
              [key: string]: number;
            };
          };
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: a signed-in owner's only), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLeads: {
    parameters: {
      query?: {
        /** @description Pipeline statuses, comma-separated or repeated. */
        status?: ("NEW" | "CONTACTED" | "QUALIFIED" | "NURTURING" | "UNDER_CONTRACT" | "WON" | "LOST")[];
        /** @description Lead sources, comma-separated or repeated. */
        source?: ("website_contact" | "listing_inquiry" | "valuation" | "visitor_registration" | "saved_listing" | "saved_search" | "manual" | "api")[];
        /** @description Membership ids, `me` (members only) or `unassigned`. */
        assignedTo?: string[];
        /** @description Words matched against the contact's name, email and phone. */
        q?: string;
        /** @description Created at or after: YYYY-MM-DD (a day in the brokerage's time zone) or ISO 8601 date-time. */
        createdFrom?: string;
        /** @description Created before: YYYY-MM-DD (inclusive day, in the brokerage's time zone) or ISO 8601 date-time (exclusive). */
        createdTo?: string;
        /** @description Order: -createdAt (default), createdAt, -lastActivityAt, lastActivityAt. */
        sort?: "-createdAt" | "createdAt" | "-lastActivityAt" | "lastActivityAt";
        /** @description nextCursor from the previous page (same sort and filters). Pages never skip or repeat a row that was in the list when paging began; by last activity the order is frozen at the first page for an hour, after which the cursor is refused (400) and paging starts again. */
        cursor?: string;
        /** @description Page size, 1-100 (default 50). */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadList"];
        };
      };
      /** @description Bad or unknown query parameter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLeadsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadDetail"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchLeadsById: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LeadPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadDetail"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (returned as `current`) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getContactsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Contact"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchContactsById: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
      };
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ContactPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Contact"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Another contact holds this email or phone */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (returned as `current`) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContactsMerge: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ContactMerge"];
      };
    };
    responses: {
      /** @description Merged (ETag: this contact's new version) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactMergeResult"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: a signed-in owner's only), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description This contact changed since read (returned as `current`); nothing merged */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Same or already merged contact */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContactMergesUndo: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        auditLogId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Separated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactMergeUndone"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: a signed-in owner's only), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Already undone, or one of the contacts was erased */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getContactsIdentities: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactIdentities"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContactsIdentities: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ContactIdentityAdd"];
      };
    };
    responses: {
      /** @description The contact already had it; nothing changed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactIdentities"];
        };
      };
      /** @description Added */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactIdentities"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Another contact holds it (returned as `existing`): merge the two instead */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (its e-mails and phones now returned as `current`); nothing changed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not an e-mail address or phone number */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteContactsIdentitiesById: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
      };
      path: {
        contactId: string;
        identityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactIdentities"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The contact's last e-mail or phone (`last_identity`) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (its e-mails and phones now returned as `current`); nothing changed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContactsIdentitiesPrimary: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        contactId: string;
        identityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactIdentities"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (its e-mails and phones now returned as `current`); nothing changed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getContacts: {
    parameters: {
      query?: {
        /** @description Words matched against the contact's name, email and phone. */
        q?: string;
        /** @description nextCursor from the previous page (same sort and filters). Pages never skip or repeat a row that was in the list when paging began; by last activity the order is frozen at the first page for an hour, after which the cursor is refused (400) and paging starts again. */
        cursor?: string;
        /** @description Page size, 1-100 (default 50). */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactList"];
        };
      };
      /** @description Bad query */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postContacts: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ContactCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Contact"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A contact with this email or phone exists (returned as `existing`) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getActivities: {
    parameters: {
      query?: {
        /** @description Only this contact's activities. */
        contactId?: string;
        /** @description Only this lead's activities (tasks). */
        leadId?: string;
        /** @description Activity types, comma-separated or repeated. */
        type?: (
          | "WEBSITE_EVENT"
          | "NOTE"
          | "CALL"
          | "MEETING"
          | "EMAIL"
          | "STATUS_CHANGE"
          | "ASSIGNMENT"
          | "CONTACT_CREATED"
          | "CONTACT_UPDATED"
          | "CONTACT_MERGED"
          | "TASK_COMPLETED"
          | "ACTION_PLAN"
        )[];
        /** @description nextCursor from the previous page (same sort and filters). Pages never skip or repeat a row that was in the list when paging began; by last activity the order is frozen at the first page for an hour, after which the cursor is refused (400) and paging starts again. */
        cursor?: string;
        /** @description Page size, 1-100 (default 50). */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActivityList"];
        };
      };
      /** @description Bad query */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postActivities: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ActivityCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Activity"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getTasks: {
    parameters: {
      query?: {
        /** @description Membership ids, `me` (members only) or `unassigned`. */
        assignedTo?: string[];
        /** @description Only this lead's activities (tasks). */
        leadId?: string;
        /** @description Only this contact's activities. */
        contactId?: string;
        /** @description Pipeline statuses, comma-separated or repeated. */
        status?: ("open" | "done" | "all")[];
        /** @description Tasks due at or after this ISO 8601 date-time. */
        dueFrom?: string;
        /** @description Tasks due before this ISO 8601 date-time. */
        dueBefore?: string;
        /** @description nextCursor from the previous page (same sort and filters). Pages never skip or repeat a row that was in the list when paging began; by last activity the order is frozen at the first page for an hour, after which the cursor is refused (400) and paging starts again. */
        cursor?: string;
        /** @description Page size, 1-100 (default 50). */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TaskList"];
        };
      };
      /** @description Bad query */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postTasks: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TaskCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Task"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body, or an assignee who is not a member */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getTasksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Task"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchTasksById: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
      };
      path: {
        taskId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TaskPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Task"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (returned as `current`) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getActionPlans: {
    parameters: {
      query?: {
        archived?: "include";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionPlanList"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postActionPlans: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ActionPlanCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionPlan"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getActionPlansById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionPlan"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchActionPlansById: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of your read; a stale one answers 412 */
        "If-Match"?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ActionPlanPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ActionPlan"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Changed since read (returned as `current`) */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLeadsPlans: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadPlanList"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postLeadsPlans: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        leadId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LeadPlanStart"];
      };
    };
    responses: {
      /** @description Already running */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadPlan"];
        };
      };
      /** @description Started */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadPlan"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not a plan of this brokerage, or archived */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postLeadsPlansStop: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        leadId: string;
        leadPlanId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LeadPlanStop"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadPlan"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postLeadsPlansResume: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        leadId: string;
        leadPlanId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LeadPlanResume"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LeadPlan"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMyDay: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MyDay"];
        };
      };
      /** @description Called with an API key (My day is a member's) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postV1Events: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays with the same key and body store nothing new (200, Idempotent-Replayed: true) */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PartnerEvent"];
      };
    };
    responses: {
      /** @description Queued for an existing contact, or a replay */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerEventAnswer"];
        };
      };
      /** @description Queued; a new person will be created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PartnerEventAnswer"];
        };
      };
      /** @description Malformed JSON or invalid body (`errorMessage`); nothing stored */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No or bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, or `person.id` is not a contact of this tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The Idempotency-Key or event id was used for another body; nothing stored */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over 64 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; nothing stored (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointList"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhooks: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["WebhookEndpointCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body, or a destination inside the platform's networks */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhooksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteWebhooksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchWebhooksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["WebhookEndpointPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpoint"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhooksRotateSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description `idempotency_conflict`: the Idempotency-Key was used for another request; `idempotency_in_progress`: retry after Retry-After */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getWebhooksDeliveries: {
    parameters: {
      query?: {
        status?: "PENDING" | "DELIVERED" | "FAILED";
        /** @description nextCursor of the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDeliveryList"];
        };
      };
      /** @description Bad query */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhooksDeliveriesResend: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        endpointId: string;
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Queued"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The endpoint is disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  postWebhooksRedrive: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any 1-200 printable ASCII characters (a UUID fits). The first request with a key runs and a successful answer is kept for 24 h; the same key with the same method, path and body gets that answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with another request is 409 `idempotency_conflict`. Keys are per API key (or member). A refused request (4xx, 5xx) does not spend its key. */
        "Idempotency-Key"?: string;
      };
      path: {
        endpointId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Queued"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's endpoint */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The endpoint is disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiKeyList"];
        };
      };
      /** @description No session */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: keys are managed by a signed-in owner), or a cross-site request */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's key */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchApiKeysById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        apiKeyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ApiKeyPatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiKey"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Called with an API key (`session_required`: keys are managed by a signed-in owner), or a cross-site request */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not an owner, or not this tenant's key */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The key is revoked (`api_key_revoked`) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid body: a limit outside 1-100,000, an empty name, nothing to change, or a field that cannot be changed (scopes) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Profile"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  patchProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ProfilePatch"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Profile"];
        };
      };
      /** @description Malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Invalid field (named in `fields`); nothing changed */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  putProfilePhoto: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Profile"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Larger than 2 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not a JPEG, PNG or WebP image */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A broken or empty image */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteProfilePhoto: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Profile"];
        };
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMembersPhoto: {
    parameters: {
      query?: {
        v?: string;
      };
      header?: never;
      path: {
        membershipId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "image/jpeg": unknown;
          "image/png": unknown;
          "image/webp": unknown;
        };
      };
      /** @description Not modified */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No session, or a bad API key */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unknown host, not a member, or not this tenant's record */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getAuthSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Signed out */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not allowed: an API key without the scope this needs (`insufficient_scope`, naming `requiredScope`), a cross-site browser request, or a member without the role this needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The API key's (or the signed-in member's) requests per minute are used up (`rate_limited`); try again after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait */
          "Retry-After"?: number;
          /** @description Requests the API key (or the signed-in member) may make per minute */
          "RateLimit-Limit"?: number;
          /** @description Requests left in the current minute */
          "RateLimit-Remaining"?: number;
          /** @description Seconds until the current minute's window ends */
          "RateLimit-Reset"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the body says nothing more */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Storage unavailable; try again (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
