# bash completion for newswire and newswired; installed as both names in
# bash-completion's folder, which loads it when either is first completed.

_newswire()
{
	local cur prev commands opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	commands="extract feed date tail keygen opml discover help"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi
	case ${COMP_WORDS[1]} in
	extract)
		opts="--url --help"
		[ "$prev" = --url ] && return
		;;
	feed)
		opts="--url --articles --help"
		[ "$prev" = --url ] && return
		;;
	date)
		opts="--local --help"
		;;
	tail)
		opts="--endpoint --replay --from --topic --count --timeout
		    --curve-server-key --curve-key --nats --durable --stream
		    --prefix --help"
		case $prev in
		--endpoint|--replay)
			COMPREPLY=($(compgen -W "tcp://127.0.0.1:" -- "$cur"))
			compopt -o nospace 2>/dev/null
			return ;;
		--topic)
			COMPREPLY=($(compgen -W "article.new. article.updated.
			    article.duplicate. source.error. heartbeat" \
			    -- "$cur"))
			return ;;
		--nats)
			COMPREPLY=($(compgen -W "nats://127.0.0.1:4222" \
			    -- "$cur"))
			return ;;
		--from|--count|--timeout|--durable|--stream|--prefix)
			return ;;
		--curve-server-key|--curve-key)
			COMPREPLY=($(compgen -f -- "$cur"))
			return ;;
		esac
		;;
	keygen)
		opts="--help"
		;;
	opml)
		opts="--help"
		if [ "$COMP_CWORD" -eq 2 ] && [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W "import export" -- "$cur"))
			return
		fi
		;;
	discover)
		opts="--help"
		[[ $cur != -* ]] && return
		;;
	help)
		[ "$COMP_CWORD" -eq 2 ] &&
		    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return ;;
	*)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}

_newswired()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-c|--config)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--inbox|--state)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--log-level)
		COMPREPLY=($(compgen -W "error warn info debug" -- "$cur"))
		return ;;
	--publish|--replay|--workers)
		return ;;
	esac
	COMPREPLY=($(compgen -W "--config --inbox --state --publish --replay
	    --workers --log-level --check-config --help --version" -- "$cur"))
}

complete -F _newswire newswire
complete -F _newswired newswired
