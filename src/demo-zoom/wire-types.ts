/**
 * Bodies the demo Zoom sends, typed after spec/zoom/phone-sms-openapi.json. The server
 * always fills what the spec lists for the fields it models; readers must still treat every
 * field as optional, because real Zoom marks none as required.
 */

/** `owner` of a participant, sender or recipient. */
export interface ZoomOwnerBody {
  readonly id: string;
  readonly type: 'user' | 'callQueue' | 'autoReceptionist';
}

/** `sms_sessions[].participants[]` */
export interface ZoomParticipantBody {
  readonly display_name?: string;
  readonly phone_number: string;
  readonly is_session_owner: boolean;
  readonly owner?: ZoomOwnerBody;
}

/** `sms_sessions[]` */
export interface ZoomSmsSessionBody {
  readonly session_id: string;
  readonly session_type: 'user' | 'call_queue' | 'auto_receptionist';
  readonly last_access_time: string;
  readonly participants: readonly ZoomParticipantBody[];
}

/** 200 of `GET /phone/users/{userId}/sms/sessions`. */
export interface ZoomSmsSessionsPageBody {
  readonly next_page_token: string;
  readonly page_size: number;
  readonly sms_sessions: readonly ZoomSmsSessionBody[];
}

/** `sender` and `to_members[]` of a message. */
export interface ZoomSmsPartyBody {
  readonly display_name?: string;
  readonly phone_number: string;
  readonly owner?: ZoomOwnerBody;
}

/** `sms_histories[].attachments[]` */
export interface ZoomAttachmentBody {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: 'OTHER' | 'PNG' | 'GIF' | 'JPG' | 'AUDIO' | 'VIDEO';
  readonly download_url: string;
}

/** `sms_histories[]` */
export interface ZoomSmsHistoryBody {
  readonly message_id: string;
  readonly date_time: string;
  readonly direction: 'In' | 'Out';
  readonly message: string;
  /** 1 SMS, 2 MMS, 3 group SMS, 4 group MMS, 5 international SMS. */
  readonly message_type: 1 | 2 | 3 | 4 | 5;
  readonly delivery_status: string;
  readonly sender: ZoomSmsPartyBody;
  readonly to_members: readonly ZoomSmsPartyBody[];
  readonly attachments?: readonly ZoomAttachmentBody[];
}

/** 200 of `GET /phone/sms/sessions/{sessionId}`. */
export interface ZoomSmsSessionDetailsBody {
  readonly next_page_token: string;
  readonly page_size: number;
  readonly sms_histories: readonly ZoomSmsHistoryBody[];
}
