import { agentPhotoPath, type MemberProfile } from "@real-estate/sites";
import { formatPhone, phoneHref } from "@real-estate/types";
import { monogram } from "./site-header";

/** An agent of the brokerage as the website shows them: photo (or initials), name, phone. */
export function AgentProfileCard({ agent, country, subtitle }: { agent: MemberProfile; country: string; subtitle?: string | null }) {
  const photo = agentPhotoPath(agent);
  return (
    <div className="agent-card" data-testid="agent-profile" data-membership-id={agent.membershipId}>
      {photo ? (
        <img className="agent-avatar agent-photo" src={photo} alt={`Photo of ${agent.name}`} width={52} height={52} loading="lazy" />
      ) : (
        <div className="agent-avatar" aria-hidden="true">
          {monogram(agent.name)}
        </div>
      )}
      <div>
        <strong data-testid="agent-name">{agent.name}</strong>
        {subtitle ? <div className="small muted">{subtitle}</div> : null}
        {agent.phone ? (
          <div className="small">
            <a href={phoneHref(agent.phone, agent.phoneExtension)} data-testid="agent-phone">
              {formatPhone(agent.phone, { extension: agent.phoneExtension, homeCountry: country })}
            </a>
          </div>
        ) : null}
      </div>
    </div>
  );
}
